"""The archive export: a group's records of a year as an E-ARK CSIP package (`lokusbot archive export`), and its
verification (`lokusbot archive verify`). docs/ARCHIVE.md says what is in a package and which CSIP requirements
it meets."""
