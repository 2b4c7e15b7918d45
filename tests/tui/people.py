"""people.py: the clerk's resident and household actions on screen (issue
8), on the demo county (yibao --demo --db FILE) on 2021-06-01, as clerk li:

- E on 马秀兰's dossier: the village 东山乡石门村 becomes 东山乡新村 and the
  phone (none) 13800000001; the dossier and `resident show` say so.
- X ends her coverage (3 = death, on today's date, prefilled) after a
  confirmation; X again reopens it, which needs a supervisor: wang types
  his login and password, and the audit line is his.
- M on 刘𠇔 (child in DS-001) moves him to DS-002 as 7 = other; Enter's
  menu, entry 4, makes 吴芳 (spouse in DS-002) its head, with the former
  head 于军 as 1 = spouse: `household show` lists them so.
- Bad values write nothing: a household number that does not exist and a
  phone with a letter are named on screen, and the audit log keeps the
  number of rows it had; the phone put back as it was saves nothing.

run(term_class, locale) is called by people_utf8.py and people_gb18030.py."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402

MA = "620799196008120027"       # 马秀兰, spouse in DS-001
LIU = "620799198203230052"      # 刘𠇔, child in DS-001
WU = "620799195205170088"       # 吴芳, spouse in DS-002
YU = "620799195010060073"       # 于军, head of DS-002


def audit_rows(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def last_audit(db, action):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT operator, record FROM audit_log WHERE "
                         "action = ? ORDER BY seq DESC LIMIT 1",
                         (action,)).fetchone()


def show(env, db, what, key):
    return env.cli("--db", db, what, "show", key, operator="wang",
                   password="2222")[1]


def field(out, label):
    """The value of a `resident show` line: "Village     东山乡新村"."""
    for line in out.split("\n"):
        if line.startswith(label + " "):
            return line[len(label):].strip()
    return None


def to_menu(t):
    """From a dossier: Esc to the find screen, Esc to the main menu."""
    t.key("Esc")
    t.wait_for("> 查找")
    t.key("Esc")
    t.wait_gone("> 查找")
    t.settle()


def open_dossier(t, id_number):
    """From the main menu, by the whole ID number (F3)."""
    t.key("F3")
    t.send(id_number)
    t.wait_for(id_number[:6] + "********" + id_number[-4:])
    t.settle()
    t.key("Enter")
    t.wait_for("性别")
    return t.settle()


def dossier_row(screen, start):
    """The dossier's row that holds `start` (for exact comparison)."""
    for line in screen.split("\n"):
        inner = line.strip("│x| ")
        if start in inner:
            return inner.strip()
    return None


def edit(env, t, db):
    t.send("e")
    t.wait_gone("性别")
    t.wait_for("姓名")
    t.keys("Tab", "Tab", "Tab")             # name, residence, insured
    for _ in range(len("东山乡石门村")):
        t.key("Backspace")
    t.send("东山乡新村")
    t.key("Tab")
    t.send("13800000001")
    t.key("Enter")                          # Enter on the last field saves
    t.wait_for("电话 13800000001")
    screen = t.settle()
    env.check("dossier: the phone", "性别 女   出生日期 1960-08-12   电话 "
              "13800000001", dossier_row(screen, "性别"))
    env.check("dossier: the village", "村（社区） 东山乡新村   状态 有效",
              dossier_row(screen, "村（社区）"))
    out = show(env, db, "resident", MA)
    env.check("resident show: village", "东山乡新村", field(out, "Village"))
    env.check("resident show: phone", "13800000001", field(out, "Phone"))
    env.check("resident show: name kept", "马秀兰", field(out, "Name"))


def end_and_reopen(env, t, db):
    t.send("x")
    t.wait_gone("性别")
    t.wait_for("死亡")
    t.send("3")                             # death; the date is today's
    t.key("Enter")
    t.wait_for(("?", "？"))
    t.send("y")
    t.wait_for("已终止 2021-06-01")
    out = show(env, db, "resident", MA)
    env.check("ended: resident show", "ended on 2021-06-01 (death)",
              field(out, "Status"))
    t.settle()
    t.send("x")                             # now it reopens
    t.wait_for(("(死亡)", "（死亡）"))
    t.settle()
    t.send("录入错误")
    t.key("Enter")
    t.wait_for("主管")                      # the supervisor's consent
    t.settle()
    t.send("wang")
    t.key("Enter")
    t.wait_for("wang")
    t.settle()
    t.send("2222")
    t.key("Enter")
    t.wait_for("状态 有效")
    out = show(env, db, "resident", MA)
    env.check("reopened: resident show", "active", field(out, "Status"))
    env.check("the reopening is the supervisor's", ("wang", MA),
              last_audit(db, "resident.reopen"))
    env.check("the end was the clerk's", ("li", MA),
              last_audit(db, "resident.end"))


def move_and_head(env, t, db):
    open_dossier(t, LIU)
    t.send("m")
    t.wait_gone("性别")                     # the form is up
    t.settle()
    t.send("DS-002")                        # the cursor is on the household
    t.key("Tab")
    t.send("7")                             # other
    t.key("Enter")
    t.wait_for("户 DS-002")
    t.settle()
    to_menu(t)
    open_dossier(t, WU)
    t.key("Enter")                          # the numbered menu
    t.wait_for(("(H)", "（H）"))     # English until the catalog has it
    t.settle()
    t.send("4")                             # make head
    t.wait_for("1 配偶")                    # the relations, to choose
    t.settle()
    t.send("1")                             # the former head is a spouse
    t.key("Enter")
    t.wait_for("户 DS-002")
    t.settle()
    # The head first, then by date and row: 刘𠇔's row is older than 于军's
    # new one, written when he stopped being head.
    out = show(env, db, "household", "DS-002")
    env.check("household show DS-002",
              "Household DS-002, 东山乡石门村\n"
              "  ID number           Name  Relation           Joined\n"
              "  620799195205170088  吴芳  head of household  2021-06-01\n"
              "  620799198203230052  刘𠇔  other              2021-06-01\n"
              "  620799195010060073  于军  spouse             2021-06-01\n",
              out)
    out = show(env, db, "household", "DS-001")
    env.check("household show DS-001 without him",
              "Household DS-001, 东山乡石门村\n"
              "  ID number           Name    Relation           Joined\n"
              "  620799195801010013  刘䶮    head of household  2020-08-20\n"
              "  620799196008120027  马秀兰  spouse             2020-08-20\n",
              out)


def bad_values(env, t, db):
    before = audit_rows(db)
    open_dossier(t, MA)
    t.send("m")
    t.wait_gone("性别")
    t.settle()
    t.send("NOPE-9")
    t.key("Tab")
    # The action to take, never a command to type
    screen = t.wait_for("NOPE-9：")
    env.check("unknown household named, its action said", True,
              "没有户号 NOPE-9：请先建户" in screen)
    env.check("no command on screen", False, "yibao " in screen)
    t.send("7")
    t.key("F2")                             # saving is refused too
    screen = t.settle()
    env.check("still on the form", True, "NOPE-9" in screen and
              "性别" not in screen)
    t.key("Esc")
    t.wait_for(("?", "？"))
    t.send("y")
    t.wait_for("性别")
    t.settle()
    t.send("e")
    t.wait_for("姓名")
    t.keys("Tab", "Tab", "Tab", "Tab")
    t.send("a")
    t.key("Enter")
    screen = t.settle()
    env.check("a bad phone named", True, "'+'" in screen and
              "性别" not in screen)
    t.key("Backspace")                      # as it was: nothing to save
    t.key("Enter")
    t.wait_for("性别")
    screen = t.settle()
    env.check("nothing changed, it says", True,
              "Nothing changed." in screen or "没有修改。" in screen)
    env.check("nothing written: audit rows", before, audit_rows(db))
    out = show(env, db, "resident", MA)
    env.check("the phone as it was", "13800000001", field(out, "Phone"))
    env.check("still in DS-001", True,
              (field(out, "Household") or "").startswith("DS-001"))


def scenario(env, t, db):
    t.wait_for("密码")
    t.send("li")
    t.key("Enter")
    t.send("1111")
    t.key("Enter")
    t.wait_for("李秀英")
    t.settle()
    open_dossier(t, MA)
    edit(env, t, db)
    end_and_reopen(env, t, db)
    to_menu(t)
    move_and_head(env, t, db)
    to_menu(t)
    bad_values(env, t, db)


def run(term_class, locale):
    env = tuitest.Env(locale=locale)

    def test(env):
        db = env.demo_db()
        t = term_class(env, ["--db", db])
        scenario(env, t, db)
    tuitest.run(test, env)
