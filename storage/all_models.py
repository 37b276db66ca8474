"""Imports every module that defines tables, so the metadata is complete for migrations and tests."""

import storage.case_models  # noqa: F401
import storage.case_stats  # noqa: F401  (the indexes the summaries' statistics need)
import storage.evaluation_models  # noqa: F401
import storage.insats_models  # noqa: F401
import storage.meeting_models  # noqa: F401
import storage.models  # noqa: F401
import storage.outbox_models  # noqa: F401
import storage.people_models  # noqa: F401
import storage.plan_models  # noqa: F401
import storage.summary_models  # noqa: F401
