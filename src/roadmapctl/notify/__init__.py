"""Per-executor reminders by mail (`roadmapctl notify`).

The morning cron used to mail one overdue report to one person; the people
who must act are the executors.  This package turns the tracked roadmaps into
one message per executor address and a summary for the controller, and
delivers them so that a failure never goes unnoticed and nothing is sent twice:

- `digest`   — who gets what: control dates overdue or due soon, per address;
- `compose`  — the Russian text and HTML of reminders and summaries;
- `mail`     — addresses and `EmailMessage` headers;
- `state`    — what was already sent today (so a re-run resends only what failed);
- `smtp`     — SMTP settings from the environment or a private config file;
- `delivery` — the three ways out: print (dry run), `.eml` files, SMTP;
- `workdays` — weekends and Russian public holidays (`--workdays`);
- `run`      — the whole run, as the command calls it.
"""
