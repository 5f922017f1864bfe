"""Generate a synthetic corpus of realistic roadmaps for benchmarks.

Usage: python bench/generate.py OUT_DIR --files 1000 --items 40 [--seed 1]

Russian titles (with `--plain-titles`, without the unique number that would
hide how titles are compared), deadlines drawn from the phrase kinds real documents use,
nested sections, sub-items, statuses and completions; deterministic by seed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

VERBS = ["Организация", "Проведение", "Разработка", "Утверждение", "Мониторинг", "Анализ",
         "Обеспечение участия обучающихся в", "Актуализация", "Формирование", "Размещение"]
OBJECTS = ["плана профориентационной работы", "муниципального конкурса «Я выбираю»",
           "профессиональных проб для обучающихся 8-9 классов", "родительских собраний",
           "экскурсий на предприятия города", "базы наставников", "методических рекомендаций",
           "регионального чемпионата «Профессионалы»", "дней открытых дверей в колледжах",
           "информации на официальном сайте", "проекта «Билет в будущее»", "летней профильной смены"]
DEADLINES_ACADEMIC = ["В течение года", "Октябрь – ноябрь", "Сентябрь 2023 г.", "до 20 декабря 2023",
                      "Декабрь 2023 г. - Январь 2024 г.", "ежемесячно до 20 числа", "2 раза в год",
                      "Постоянно", "Март – апрель 2024 г.", "май", "I квартал 2024 г.",
                      "Ежегодно (в соответствии с планами работы)", "в период летних каникул",
                      "по мере необходимости", "01.10.2023", "II полугодие"]
EXECUTORS = {
    "uo": ("Управление образования администрации города", "УО"),
    "oo": ("Общеобразовательные организации", "ОО"),
    "cro": ("МБУ ДПО «Центр развития образования»", "ЦРО"),
    "dpsh": ("МАУДО «Дворец пионеров и школьников»", "ДПШ"),
    "spo": ("Профессиональные образовательные организации", "ПОО"),
}


AUDIENCES = ["", "для обучающихся основной школы", "для педагогов", "для родителей (законных представителей)",
             "с участием работодателей", "для детей с ограниченными возможностями здоровья",
             "в сетевой форме", "на базе центра «Точка роста»"]


def plain_titles(rng: random.Random, count: int) -> list[str]:
    """Distinct titles without numbers, as real roadmaps write them."""
    combos = [" ".join(part for part in (verb, obj.replace(" 8-9 классов", ""), aud) if part)
              for verb in VERBS for obj in OBJECTS for aud in AUDIENCES]
    picked = rng.sample(combos, k=min(count, len(combos)))
    return picked + [f"{t} (этап {n + 2})" for n, t in enumerate(rng.choices(combos, k=count - len(picked)))]


def roadmap(rng: random.Random, index: int, items: int, plain: bool = False) -> str:
    lines = [
        "# yaml-language-server: $schema=../schema/roadmap.schema.json",
        f"title: Дорожная карта по профориентации обучающихся, школа № {index}",
        f"territory: Муниципальный округ № {index % 50}",
        "period: 2023/2024",
        "approval:",
        "  stamp: УТВЕРЖДЕНА",
        "  by: приказом директора",
        "  date: 2023-08-30",
        f"  number: {index}-о",
        "executors:",
    ]
    for ident, (name, short) in EXECUTORS.items():
        lines += [f"  {ident}:", f"    name: {name}", f"    short: {short}"]
    lines.append("sections:")
    per_section = max(1, items // 4)
    number = 0
    titles = plain_titles(rng, items) if plain else []
    for section in range(1, 5):
        lines += [f'  - number: "{section}"', f"    title: Раздел {section}. Направление работы",
                  "    items:"]
        for position in range(1, per_section + 1):
            number += 1
            if number > items:
                break
            title = titles[number - 1] if plain else f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({index}.{number})"
            execs = rng.sample(sorted(EXECUTORS), k=rng.randint(1, 3))
            lines += [
                f'      - number: "{section}.{position}"',
                f"        title: {title}",
                f"        deadline: {rng.choice(DEADLINES_ACADEMIC)}",
                f"        executors: [{', '.join(execs)}]",
                f"        result: Результат мероприятия {section}.{position} достигнут",
            ]
            roll = rng.random()
            if roll < 0.3:
                lines += ["        status: done", "        completions:",
                          f"          - date: 2023-{rng.randint(9, 12)}-{rng.randint(10, 28)}"]
            elif roll < 0.45:
                lines.append("        status: in_progress")
    return "\n".join(lines) + "\n"


def generate(out: Path, files: int, items: int, seed: int = 1, plain: bool = False) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(files):
        folder = out / f"district-{index // 100:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"school-{index:05d}.yaml"
        path.write_text(roadmap(rng, index, items, plain), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plain-titles", action="store_true",
                        help="titles without the unique number each title gets by default")
    args = parser.parse_args()
    generate(args.out, args.files, args.items, args.seed, args.plain_titles)
    print(f"{args.files} files × {args.items} items → {args.out}")


if __name__ == "__main__":
    main()
