"""Editing roadmap files in place: under a lock, re-read, only additions, the rest byte-identical.

`completions` is what `done` and `extend` do; `item` adds one entry to one item by splicing text
(`splice`), falling back to a ruamel round trip (`roundtrip`, `insert`, `delete`); `lock` is the
sidecar lock every edit holds.
"""
