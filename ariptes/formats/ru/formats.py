# Django's Russian formats; day and month alone as 29.11, as lists print them.
from django.conf.locale.ru.formats import *  # noqa: F403

MONTH_DAY_FORMAT = "d.m"
