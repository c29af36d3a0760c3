"""Read dates, durations and frequencies as people write them on forms."""

from supervision_forms.text.dates import DateReading, find_dates, format_date, read_date
from supervision_forms.text.durations import read_duration_minutes
from supervision_forms.text.frequency import FrequencyReading, Unit, read_frequency

__all__ = [
    "DateReading",
    "FrequencyReading",
    "Unit",
    "find_dates",
    "format_date",
    "read_date",
    "read_duration_minutes",
    "read_frequency",
]
