import sys, tempfile, time
from pathlib import Path
from graph.extract.reading.nlp import load_pipeline
from graph.extract.pipeline import extract_articles
from graph.sources import read_article
from webviz import limits
load_pipeline()
text = "".join(Path(p).read_text() for p in sorted(Path("../shared/realdata/got/articles").glob("*.txt")))
size = int(float(sys.argv[1]) * 1024 * 1024)
body = (text * (size // len(text) + 1))[:size]
d = tempfile.mkdtemp(); p = Path(d, "big.txt"); p.write_text(body)
def run(path):
    return len(extract_articles([read_article(path)])[0])
for mb in map(int, sys.argv[2:]):
    t = time.time()
    try:
        print(sys.argv[1], "MB text, limit", mb, ":", limits.run_forked(run, (p,), timeout=900, memory_mb=mb), f"{time.time()-t:.0f} s", flush=True)
    except Exception as e:
        print(sys.argv[1], "MB text, limit", mb, ":", e, f"{time.time()-t:.0f} s", flush=True)
