"""Read content/ad_check.yaml and the flag files it names (content/ad_flags/<id>.yaml) into
one job-ad check, with a place that points every later problem at its own file and line.

Each red flag is a file of its own: ad_check.yaml alone grew past 800 KB with its flags'
patterns and examples, more than an editor can scroll and near what one Kubernetes ConfigMap
holds (1 MiB, etcd's object limit).
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.content.models import AdCheck, AdCheckSection, AdFlagRule
from bot.content.problems import Problem
from bot.content.yamlfile import Where, YamlPath, display_name, read_optional_section

FLAGS_DIR = "ad_flags"  # next to ad_check.yaml
FLAG_KEY = "ad_flag"  # the one key of a flag file
FLAG_ID = re.compile(r"[a-z][a-z0-9_]*")  # also the file's name: no path, no dots


def read_ad_rules(
    path: Path, key: str, missing: str
) -> tuple[AdCheck | None, Where | None, list[Problem]]:
    """The rules of `path` (holding only `key:`) with each flag of its `flags` list read from
    FLAGS_DIR/<id>.yaml, in the list's order, and every problem as file:line.

    Returns (rules, where, problems); rules is None when ad_check.yaml is missing (one warning,
    `missing` says what is then off) or when it or a flag file is broken or invalid. `where`
    points at `key` in ad_check.yaml; below it, `flags / index` points into that flag's file.
    A flag file that is missing, not listed, or whose `id` is not its file name is an error.
    """
    section, where, problems = read_optional_section(path, key, AdCheckSection, missing)
    if section is None or where is None:
        return None, None, problems
    directory = path.parent / FLAGS_DIR
    flags: list[AdFlagRule] = []
    elsewhere: dict[YamlPath, Where] = {}
    for index, flag_id in enumerate(section.flags):
        at = where / "flags" / index
        if not FLAG_ID.fullmatch(flag_id):
            problems.append(at.problem(
                "error", f"'{flag_id}': a flag id is lower-case latin letters, digits and _"))
            continue
        if flag_id in section.flags[:index]:
            problems.append(at.problem("error", f"'{flag_id}' is listed twice"))
            continue
        flag_path = directory / f"{flag_id}.yaml"
        if not flag_path.is_file():
            problems.append(at.problem(
                "error", f"the flag '{flag_id}' has no file {display_name(flag_path)}"))
            continue
        flag, flag_where, flag_problems = _read_flag(flag_path, flag_id)
        problems += flag_problems
        if flag is not None and flag_where is not None:
            elsewhere[(*where.path, "flags", len(flags))] = flag_where
            flags.append(flag)
    listed = {f"{flag_id}.yaml" for flag_id in section.flags}
    for extra in sorted(directory.glob("*.y*ml")) if directory.is_dir() else []:
        if extra.suffix != ".yaml":
            problems.append(Problem(display_name(extra), 1, "error",
                                    f"the check reads only .yaml here: name it {extra.stem}.yaml"))
        elif extra.name not in listed:
            problems.append(Problem(
                display_name(extra), 1, "error",
                f"not in the `flags` list of {display_name(path)}, so the check would never use "
                f"it: add '{extra.stem}' there, or delete the file"))
    if any(p.severity == "error" for p in problems):
        return None, None, problems
    rules = AdCheck.model_validate({**dict(section), "flags": flags})
    return rules, Where(where.doc, where.path, elsewhere), problems


def _read_flag(path: Path, flag_id: str) -> tuple[AdFlagRule | None, Where | None, list[Problem]]:
    """One flag file (it exists): only `ad_flag:`, validated, its `id` the file's name."""
    flag, where, problems = read_optional_section(path, FLAG_KEY, AdFlagRule, "")
    if flag is None or where is None:
        return None, None, problems
    if flag.id != flag_id:
        problems.append((where / "id").problem(
            "error", f"the id '{flag.id}' is not the file's name; write `id: {flag_id}`"))
        return None, None, problems
    return flag, where, problems
