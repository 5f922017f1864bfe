from roadmapctl.main import entry

entry()
