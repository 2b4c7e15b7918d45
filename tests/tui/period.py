"""period.py: hardship categories and chronic-disease qualifications on
screen (issue 7), end to end: from 刘䶮's dossier (the demo gives him
registered_poor and hypertension), add the category 低保对象 (min_living)
certified by 民政局 and the qualification 糖尿病 (diabetes) certified by 县医保局, both from the business date 2021-06-01; then end
both, which needs a supervisor: li is a clerk, so wang types his login
and password.  The database is read back after each step.

run(term_class, locale) is called by period_utf8.py and period_gb18030.py."""
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402


def rows(env, sql, *args):
    db = sqlite3.connect(env.db)
    got = db.execute(sql, args).fetchall()
    db.close()
    return got


def number_of(screen, text):
    """The number in front of the choice that holds `text`."""
    for line in screen.splitlines():
        if text in line:
            m = re.search(r"(\d+)  ", line)
            if m:
                return m.group(1)
    raise tuitest.Failure("no choice %r on the screen:\n%s" % (text, screen))


def end_one(t, screen, text, reason):
    t.send(number_of(screen, text))
    t.key("Tab")                # the last day: today, as filled in
    t.key("Tab")
    t.send(reason)
    t.key("Enter")              # saves: a supervisor is asked for
    t.wait_for((":", "："))
    t.send("wang")
    t.key("Enter")
    t.wait_for("wang")
    t.send("2222")
    t.key("Enter")


def scenario(env, t, person):
    t.wait_for("密码")
    t.send("li")
    t.key("Enter")
    t.send("1111")
    t.key("Enter")
    t.wait_for(" 1 ")
    t.key("F3")
    t.send("ly")
    t.wait_for("刘䶮")
    t.key("Enter")
    t.wait_for("DS-001")

    # F5: a hardship category, chosen by its number.
    t.key("F5")
    t.wait_for("低保对象")
    screen = t.settle()
    # The field's hint comes when the clerk pauses (a second), not on
    # every move (issue 7: a move costs at most 64 bytes).
    t.wait_for("请输入下面列表中的数字")
    t.send(number_of(screen, "低保对象"))
    t.key("Tab")
    t.key("Tab")                # valid from: 2021-06-01, as filled in
    t.key("Tab")                # valid to: empty, open
    t.send("民政局")
    t.key("Enter")              # the last field saves
    t.wait_for("DS-001")        # back in the dossier
    env.check("category added", [("min_living", "2021-06-01", None,
                                  "民政局")],
              rows(env, "SELECT category, valid_from, valid_to, department "
                   "FROM person_category WHERE id_number = ? AND "
                   "category = 'min_living'", person))

    # F6: a chronic-disease qualification: 糖尿病 (he has 高血压 already).
    t.key("F6")
    t.wait_for("糖尿病")
    screen = t.settle()
    t.send(number_of(screen, "糖尿病"))
    t.key("Tab")
    t.key("Tab")
    t.key("Tab")
    t.send("县医保局")
    t.key("Enter")
    t.wait_for("DS-001")
    added = rows(env, "SELECT disease, valid_from, valid_to, department FROM "
                 "chronic_qualification WHERE id_number = ? AND "
                 "department = '县医保局'", person)
    env.check("qualification added", [("diabetes", "2021-06-01", None,
                                       "县医保局")],
              added)

    # F7: end the category, then the qualification (a supervisor).
    t.key("F7")                 # a choice reads "label (from DATE, DEPT)"
    t.wait_for("民政局)")
    screen = t.settle()
    end_one(t, screen, "民政局)", "核查不符")
    t.wait_for("DS-001")
    env.check("category ended", [("2021-06-01", "核查不符")],
              rows(env, "SELECT valid_to, end_reason FROM person_category "
                   "WHERE id_number = ? AND category = 'min_living'",
                   person))
    t.key("F7")
    t.wait_for("县医保局)")
    screen = t.settle()
    env.check("the ended category is no longer offered", False,
              "民政局)" in screen)
    end_one(t, screen, "县医保局)", "已治愈")
    t.wait_for("DS-001")
    env.check("qualification ended", [("2021-06-01", "已治愈")],
              rows(env, "SELECT valid_to, end_reason FROM "
                   "chronic_qualification WHERE id_number = ? AND "
                   "department = '县医保局'", person))
    # The audit log names who ended them: wang, for li.
    env.check("ends audited as wang", [("wang",), ("wang",)], rows(
        env, "SELECT operator FROM audit_log WHERE action LIKE '%.end'"))

    t.key("F10")
    t.wait_for(("?", "？"))
    t.send("y")
    env.check("exit status", 0, t.wait_exit())


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        env.db = env.demo_db()
        person = rows(env, "SELECT id_number FROM resident WHERE name = "
                      "'刘䶮'")[0][0]
        t = term_class(env, ["--db", env.db])
        scenario(env, t, person)
    tuitest.run(test, env)
