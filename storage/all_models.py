"""Imports every module that defines tables, so the metadata is complete for migrations and tests."""

import storage.case_models  # noqa: F401
import storage.models  # noqa: F401
