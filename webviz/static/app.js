// Search suggestions: the datalist under the search box fills from /api/suggest.
(function () {
  "use strict";
  var box = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!box || !list || !box.dataset.suggest) { return; }
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    var text = box.value.trim();
    if (text.length < 2) { return; }
    timer = setTimeout(function () {
      fetch(box.dataset.suggest + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
        .then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
        .then(function (data) {
          list.replaceChildren();
          (data.suggestions || []).forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.name;
            option.label = item.kind;
            list.appendChild(option);
          });
        })
        .catch(function () { list.replaceChildren(); });
    }, 150);
  });
}());
