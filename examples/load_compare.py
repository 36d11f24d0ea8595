#!/usr/bin/env python3
"""Load a `zjsim compare` folder into pandas, rebuild its goal table and draw one chart.

    python3 examples/load_compare.py runs/<compare-folder> [--chart goal_chances.png] [--check]

Reads the compare's Parquet tables (goals.parquet, indicators.parquet: every scenario in one table) when pandas
has a Parquet engine (pyarrow or fastparquet); otherwise reads the same columns from each scenario's goals.csv and
indicators.csv and says so. --check compares the rebuilt table with comparison.json and exits 1 on a difference.
"""
import argparse
import json
import math
import sys
from pathlib import Path

import pandas as pd

Z95 = 1.959963984540054  # the 97.5% normal quantile, as ZjSim's Wilson intervals use


def parquet_engine():
    for engine in ("pyarrow", "fastparquet"):
        try:
            __import__(engine)
            return engine
        except ImportError:
            pass
    return None


def load(folder: Path):
    """The compare's goals and indicators, one row per scenario, replication and goal (or year and indicator)."""
    if parquet_engine():
        return pd.read_parquet(folder / "goals.parquet"), pd.read_parquet(folder / "indicators.parquet"), "parquet"
    print("no Parquet engine for pandas here (pip/apt: pyarrow or fastparquet); reading the same columns from the CSVs",
          file=sys.stderr)
    scenarios = json.loads((folder / "manifest.json").read_text())["scenarios"]
    goals = pd.concat([pd.read_csv(folder / s / "goals.csv").iloc[:, :6] for s in scenarios], ignore_index=True)
    indicators = pd.concat([pd.read_csv(folder / s / "indicators.csv") for s in scenarios], ignore_index=True)
    return goals, indicators, "csv"


def wilson(met: int, n: int):
    if n == 0:
        return 0.0, 0.0, 1.0
    p = met / n
    centre = (p + Z95 * Z95 / (2 * n)) / (1 + Z95 * Z95 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n)) / (1 + Z95 * Z95 / n)
    return p, max(0.0, centre - half), min(1.0, centre + half)


def goal_table(goals: pd.DataFrame) -> pd.DataFrame:
    """P(goal met) with its 95% Wilson interval per goal and scenario, in the compare's order."""
    order = {name: i for i, name in enumerate(dict.fromkeys(goals["goal"]))}
    scenarios = {name: i for i, name in enumerate(dict.fromkeys(goals["scenario"]))}
    table = goals.assign(met=goals["met"].astype(bool)).groupby(["goal", "scenario"], sort=False)["met"] \
        .agg(met="sum", replications="count").reset_index()
    intervals = [wilson(int(m), int(n)) for m, n in zip(table["met"], table["replications"])]
    table["probability"], table["lower"], table["upper"] = zip(*intervals)
    table = table.sort_values(by=["goal", "scenario"], key=lambda c: c.map(order if c.name == "goal" else scenarios))
    return table.reset_index(drop=True)


def check(table: pd.DataFrame, folder: Path) -> int:
    comparison = json.loads((folder / "comparison.json").read_text())
    wrong = 0
    for goal in comparison["goals"]:
        for cell in goal["scenarios"]:
            row = table[(table["goal"] == goal["goal"]) & (table["scenario"] == cell["scenario"])].iloc[0]
            p = cell["probability"]
            if int(row["met"]) != cell["met"] or any(abs(row[k] - p[j]) > 1e-9 for k, j in
                                                     (("probability", "estimate"), ("lower", "lower"), ("upper", "upper"))):
                print(f"differs from comparison.json: {goal['goal']} / {cell['scenario']}", file=sys.stderr)
                wrong += 1
    print(f"goal table: {len(table)} rows agree with comparison.json" if wrong == 0 else f"{wrong} rows differ")
    return wrong


def chart(table: pd.DataFrame, path: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    wide = table.pivot(index="goal", columns="scenario", values="probability")
    wide = wide.loc[list(dict.fromkeys(table["goal"]))[::-1], list(dict.fromkeys(table["scenario"]))] * 100
    ax = wide.plot.barh(figsize=(9, 0.5 * len(wide) * max(1, len(wide.columns) / 2) + 1.5), width=0.8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("P(goal met), %")
    ax.set_ylabel("")
    ax.set_title("Chance of each goal by scenario")
    ax.legend(loc="lower right", fontsize=8)
    plt.tight_layout()
    plt.savefig(path, dpi=120)
    print(f"chart written to {path}")


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("folder", type=Path, help="a folder written by `zjsim compare`")
    args.add_argument("--chart", help="write the goal chart to this PNG (needs matplotlib)")
    args.add_argument("--check", action="store_true", help="compare the rebuilt table with comparison.json")
    a = args.parse_args()
    goals, indicators, source = load(a.folder)
    table = goal_table(goals)
    with pd.option_context("display.width", 120, "display.max_rows", 200):
        print(table.assign(**{c: (table[c] * 100).round(1) for c in ("probability", "lower", "upper")}).to_string(index=False))
    medians = indicators[indicators["year"] == indicators["year"].max()].groupby(["indicator", "scenario"], sort=False)["value"].median()
    print(f"\nread from {source}: {len(goals)} goal rows, {len(indicators)} indicator rows; "
          f"median digital_economy_value in {indicators['year'].max()}:")
    print(medians.loc["digital_economy_value"].to_string())
    if a.chart:
        chart(table, a.chart)
    return 1 if a.check and check(table, a.folder) else 0


if __name__ == "__main__":
    sys.exit(main())
