from roadmapctl.main import run

raise SystemExit(run())
