"""Editing roadmap files in place: under a lock, re-read, only additions, the rest byte-identical.

`completions` is what `done` and `extend` record; `item` writes it into one item by splicing the
item's own lines (`splice`), falling back to a ruamel round trip of the whole file (`roundtrip`);
new keys go where the format puts them (`insert`), and `rollover` deletes marks with `delete`.
`comments` is the one place that touches ruamel's comment slots, `safety` the one check every
edit passes before it writes (the old text must survive inside the new one), and `lock` the
sidecar lock every edit holds.
"""
