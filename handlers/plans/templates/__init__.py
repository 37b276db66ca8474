"""Plan templates, one YAML file each; a package so the files ship with lokusbot."""
