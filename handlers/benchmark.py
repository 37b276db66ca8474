"""The national benchmark the förbund compares the share to work or studies with: one setting, shown with its year."""

from handlers.context import Config
from handlers.formatting import Percent
from handlers.text import Text, t


def work_share_benchmark(config: Config) -> Text:
    """The benchmark as people read it: "34 % (2015)"."""
    percent, year = Percent(config.national_work_share), str(config.national_work_share_year)
    return t("benchmark.work_share", percent=percent, year=year)


def work_share_source(config: Config) -> Text:
    """The benchmark with where it is from: "34 % (2015), källa: Samordningsförbundets inriktning 2018"."""
    benchmark, source = work_share_benchmark(config), config.national_work_share_source
    return t("benchmark.work_share_source", benchmark=benchmark, source=source)
