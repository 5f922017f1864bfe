"""Reporting on execution: the quarterly «информация об исполнении» and the dashboard.

The pipeline is visible in the modules: `execution` turns tracked roadmaps
into a report (rows per control date, summaries by section and executor,
counted by the same `stats.Tally` as `roadmapctl stats`); `charts` draws
what people would rather look at; `text`, `html`, `docx` and `xlsx` write
the report in one format each; `site` builds the static dashboard from the
same pieces.  Nothing here reads files or knows the command line.
"""
