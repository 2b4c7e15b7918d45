#!/usr/bin/env python3
"""gen-year.py: a county's year of work, as the files a clerk would feed yibao.

    python3 bench/gen-year.py ROSTER OUTDIR [--seed S] [--paying N]

Reads gen-roster.py's roster (GB18030) and writes into OUTDIR, deterministic
from the seed, what bench/gen-county.sh then runs through the real binary:

  roster-before.csv   the residents born by 2020-08-31 (imported that day,
                      before the payment period opens)
  newborns.csv        those born later in 2020 (imported on 2021-01-05,
                      joining their households)
  cat-CODE.csv        a department's list of one hardship category (the
                      demo pack's codes), for `import categories`
  pay.txt             "DATE ID..." one paying household a line, by date:
                      about 93 % of households, from September to December
                      2020 with the rush before the deadline, 1 % late (from
                      January to March 2021, with the waiting period); with
                      --paying N only N of them, chosen at random
  offsite.txt         "TODAY ID OPTION..." one registration a line, by day:
                      migrant work, long-term residence, referral, emergency
  claims-MM.csv       the claims admitted in month MM of 2021, for
                      `claim settle --batch`: general outpatient visits
                      (the pack's cap is met by a second visit), inpatient
                      stays at levels 1-3 with a long tail of bills (some
                      above the caps), accidents, and off-site stays for
                      the registered (and a few without registration);
                      only for people of paying households
  counts.txt          what was written, for the record
"""
import argparse
import datetime as dt
import os
import random

D = dt.date
TOWNS = ("东城", "西关", "南沙", "北岭", "河口", "山前", "新集", "柳林")
# (code, share of households or people, department, who)
CATEGORIES = (
    ("registered_poor", 0.020, "县乡村振兴局", "household"),
    ("min_living", 0.012, "县民政局", "household"),
    ("extreme_poverty", 0.003, "县民政局", "person"),
    ("severe_disability", 0.006, "县残疾人联合会", "person"),
    ("low_income", 0.040, "县民政局", "over60"),
    ("orphan", 0.0005, "县民政局", "under18"),
)
# Off-site destinations: (scope, area code, name, a hospital there)
DEST = {
    "county": ("370481", "滕州市", "滕州市中心人民医院"),
    "city": ("3701", "济南市", "山东大学齐鲁医院"),
    "province": ("440300", "深圳市", "深圳市人民医院"),
}
LOCAL = {1: None, 2: ("县人民医院", "县中医院"), 3: ("枣庄市立医院",)}


def birth(pid):
    return D(int(pid[6:10]), int(pid[10:12]), int(pid[12:14]))


def read_roster(path):
    with open(path, encoding="gb18030", newline="") as f:
        lines = f.read().split("\r\n")
    return lines[0], [ln for ln in lines[1:] if ln]


def pay_day(rng):
    if rng.random() < 0.01:		# late: the waiting period applies
        start, days = D(2021, 1, 4), 85
    else:				# the rush comes before the deadline
        month = rng.choices((9, 10, 11, 12), (15, 20, 30, 35))[0]
        start = D(2020, month, 1)
        days = (D(2020 + month // 12, month % 12 + 1, 1) - start).days
    while True:
        d = start + dt.timedelta(rng.randrange(days))
        if d.weekday() < 5:
            return d


def bill(rng, level):
    """An inpatient bill in yuan: a long tail, a few above the caps."""
    median = {1: 2500, 2: 7000, 3: 18000}[level]
    b = int(rng.lognormvariate(0, 0.8) * median)
    if rng.random() < 0.004:
        b = rng.randrange(150000, 600000)
    return max(b, 300)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roster")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--paying", type=int, default=0,
                    help="pay for only this many households (0: all)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    out = lambda name: open(os.path.join(a.outdir, name), "w",
                            encoding="utf-8", newline="")
    cut = D(2020, 8, 31)

    header, rows = read_roster(a.roster)
    households = {}		# number -> [(id, name, birth)], in file order
    before, newborns = [header], [header]
    for ln in rows:
        f = ln.split(",")
        b = birth(f[0])
        (before if b <= cut else newborns).append(ln)
        households.setdefault(f[2], []).append((f[0], f[1], b))
    for name, lines in (("roster-before.csv", before),
                        ("newborns.csv", newborns)):
        with open(os.path.join(a.outdir, name), "w", encoding="gb18030",
                  newline="") as f:
            f.write("\r\n".join(lines) + "\r\n")
    counts = {"residents": len(rows), "newborns": len(newborns) - 1,
              "households": len(households)}

    # Hardship categories, from 2020-01-01, registered before anyone pays.
    since = D(2020, 1, 1)
    order = list(households)
    for code, share, dept, who in CATEGORIES:
        chosen = []
        if who == "household":
            for hh in order:
                if rng.random() < share:
                    chosen += [m for m in households[hh] if m[2] < since]
        else:
            for hh in order:
                for m in households[hh]:
                    age = (cut - m[2]).days // 365
                    if m[2] >= since or (who == "over60" and age < 60) or \
                            (who == "under18" and age >= 18):
                        continue
                    if rng.random() < share:
                        chosen.append(m)
        with out("cat-%s.csv" % code) as f:
            f.write("身份证号码,姓名\n")
            for pid, name, _ in chosen:
                f.write("%s,%s\n" % (pid, name))
        counts["category " + code] = len(chosen)

    # Payments: whole households, the members registered by then.
    paying = [hh for hh in order if rng.random() < 0.93]
    if a.paying and a.paying < len(paying):
        keep = sorted(rng.sample(range(len(paying)), a.paying))
        paying = [paying[i] for i in keep]
    pays = []
    for hh in paying:
        day = pay_day(rng)
        ids = [m[0] for m in households[hh] if m[2] <= cut]
        if ids:
            pays.append((day, ids))
    pays.sort(key=lambda p: p[0])
    insured = []		# (id, covered from)
    with out("pay.txt") as f:
        for day, ids in pays:
            f.write("%s %s\n" % (day, " ".join(ids)))
            start = D(2021, 1, 1) if day.year == 2020 else \
                day + dt.timedelta(31)
            insured += [(pid, start) for pid in ids]
    counts["paying households"] = len(pays)
    counts["paying people"] = len(insured)

    # Off-site registrations and the claims of the year.
    offsite, claims = [], []

    def stay(pid, adm, level, scope, hospital, kind="inpatient"):
        los = min(1 + int(rng.expovariate(1 / 7)), 20)
        total = bill(rng, level)
        claims.append((adm, "%s,%s,%s,%s,%s,%d,%s,%d,%d,%d" % (
            pid, kind, adm, adm + dt.timedelta(los), hospital, level, scope,
            total, total * rng.randrange(12) // 100,
            total * rng.randrange(25) // 100)))

    def day_in(lo, hi):
        return lo + dt.timedelta(rng.randrange((hi - lo).days + 1))

    end = D(2021, 12, 31)
    for pid, start in insured:
        r = rng.random()
        if r < 0.015:		# registered off-site, with a stay there
            kind = rng.choices(("migrant_work", "long_term", "referral",
                                "emergency"), (60, 25, 10, 5))[0]
            scope = {"migrant_work": rng.choice(("city", "province")),
                     "long_term": "province", "referral": "city",
                     "emergency": rng.choice(("county", "city",
                                              "province"))}[kind]
            code, dname, hosp = DEST[scope]
            frm = day_in(max(start, D(2021, 1, 4)), D(2021, 10, 31))
            to = {"referral": frm + dt.timedelta(90),
                  "emergency": frm + dt.timedelta(10)}.get(kind, end)
            opts = "--kind %s --scope %s --dest-code %s --dest-name %s " \
                "--from %s --to %s" % (kind, scope, code, dname, frm, to)
            today = frm
            if kind == "migrant_work":
                opts += " --documents-due %s" % (frm + dt.timedelta(30))
            elif kind == "referral":
                opts += " --hospital %s --diagnosis 冠状动脉粥样硬化性心脏病" \
                    " --reason 县级医院不具备介入治疗条件 --from-level 2" % hosp
            else:
                today = frm + dt.timedelta(12) if kind == "emergency" \
                    else frm
            offsite.append((today, "%s %s %s" % (today, pid, opts)))
            stay(pid, min(frm + dt.timedelta(rng.randrange(3)), to), 3,
                 scope, hosp)
        elif r < 0.018:		# off-site care without registering
            scope = rng.choice(("city", "province"))
            stay(pid, day_in(start, D(2021, 12, 10)), 3, scope,
                 DEST[scope][2])
        if rng.random() < 0.14:	# inpatient stays at home
            for _ in range(rng.choices((1, 2, 3), (85, 12, 3))[0]):
                level = rng.choices((1, 2, 3), (40, 40, 20))[0]
                hosp = rng.choice(TOWNS) + "镇卫生院" if level == 1 \
                    else rng.choice(LOCAL[level])
                stay(pid, day_in(start, D(2021, 12, 10)), level, "local",
                     hosp)
        if rng.random() < 0.01:
            stay(pid, day_in(start, D(2021, 12, 10)), 2, "local",
                 "县人民医院", "accident")
        if rng.random() < 0.35:	# general outpatient at the township
            for _ in range(rng.choices((1, 2, 3, 4), (50, 25, 15, 10))[0]):
                visit = day_in(start, end)
                total = 20 + rng.randrange(380)
                claims.append((visit, "%s,outpatient,%s,,%s镇卫生院,1,"
                               "local,%d,%d,0" % (
                                   pid, visit, rng.choice(TOWNS), total,
                                   total * rng.randrange(10) // 100)))
    offsite.sort(key=lambda o: o[0])
    with out("offsite.txt") as f:
        for _, line in offsite:
            f.write(line + "\n")
    counts["off-site registrations"] = len(offsite)
    claims.sort(key=lambda c: c[0])
    for month in range(1, 13):
        with out("claims-%02d.csv" % month) as f:
            f.write("id,kind,admitted,discharged,hospital,level,scope,"
                    "total,out_of_list,class_b\n")
            for day, line in claims:
                if day.month == month:
                    f.write(line + "\n")
    counts["claims"] = len(claims)
    counts["inpatient claims"] = sum(",inpatient," in c[1] for c in claims)
    with out("counts.txt") as f:
        for k, v in counts.items():
            f.write("%s\t%d\n" % (k, v))


if __name__ == "__main__":
    main()
