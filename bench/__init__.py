"""Benchmarks: seed a large data set, time the main pages and the funder report.

Run ``python -m bench`` (or ``make bench``) with DATABASE_URL pointing at a
PostgreSQL database made for it, e.g.
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/ariptes_bench python -m bench --clients 100000``.
"""
