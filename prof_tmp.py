import cProfile, pstats, time, sys
from graph.store import open_store
from webviz import create_app
store = open_store(sys.argv[1], create=False)
app = create_app(store, config={"TESTING": True})
c = app.test_client()
paths = {"home": "/", "search": "/search?q=Jon", "char": "/character/jon-snow", "graph": "/api/graph?focus=character/jon-snow"}
for k, p in paths.items():
    r = c.get(p); assert r.status_code == 200, (p, r.status_code)
for k, p in paths.items():
    t = time.perf_counter()
    for _ in range(50): c.get(p)
    print(k, (time.perf_counter() - t) / 50 * 1000, "ms")
pr = cProfile.Profile(); pr.enable()
for _ in range(50): c.get(sys.argv[2])
pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
