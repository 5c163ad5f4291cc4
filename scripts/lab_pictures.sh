#!/bin/sh
# Regenerate the lab's pictures in docs/ from a real run (and their PNG previews in
# target/lab-pictures/ when ImageMagick's convert or librsvg's rsvg-convert is installed):
#   docs/compare.svg  - gilvm compare --python python3 (cpu and io jobs), speedup bars
#   docs/timeline.svg - gilvm compare, 2 and 4 cpu threads, one panel per run
#   docs/sweep.svg    - gilvm sweep --python python3
# Usage: scripts/lab_pictures.sh [PYTHON]   (from the repository root)
set -eu
PY=${1:-python3}
cargo build --release --quiet
G=target/release/gilvm
mkdir -p target/lab-pictures
$G compare --python "$PY" --jobs cpu,io --svg docs/compare.svg > target/lab-pictures/compare.txt
$G compare --jobs cpu --modes threads --workers 2,4 --quick --timeline docs/timeline.svg > /dev/null
$G sweep --python "$PY" --svg docs/sweep.svg > target/lab-pictures/sweep.txt
for f in compare timeline sweep; do
  if command -v rsvg-convert > /dev/null; then
    rsvg-convert docs/$f.svg -o target/lab-pictures/$f.png || echo "rsvg-convert failed on $f"
  elif command -v convert > /dev/null; then
    convert docs/$f.svg target/lab-pictures/$f.png || echo "no PNG for $f (convert cannot read SVG here)"
  fi
done
cat target/lab-pictures/compare.txt target/lab-pictures/sweep.txt
