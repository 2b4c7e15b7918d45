#!/usr/bin/env python3
"""gen-roster.py: a realistic county roster for the import benchmark.

    python3 bench/gen-roster.py [-n ROWS] [--seed S] [-o FILE]

Deterministic from the seed.  Households of 1 to 6 people with a head,
surnames by rough frequency (the ~100 commonest), given names of one or two
characters, a small share (about 1 in 2000) of rare characters outside GBK
or the common set (䶮 𠇔 〇 𠀀), valid 18-digit ID numbers (GB 11643 check
digit, real birth dates, sex digit agreeing with the relation), villages
of a few townships, rural or urban residence, mobile numbers.  Written as
GB18030 CSV with CRLF, as Excel saves it on Chinese Windows, with the
headers a department's list uses:
身份证号码,姓名,户号,户主身份证号,与户主关系,村(社区),户口性质,联系电话
"""
import argparse
import random
import sys

# Roughly by frequency (national census order), weight in per mille.
SURNAMES = (
    "王72 李72 张69 刘54 陈46 杨31 黄23 赵21 吴20 周19 徐13 孙12 马12 "
    "朱11 胡10 郭10 何9 高9 林9 罗8 郑8 梁7 谢6 宋6 唐6 许5 韩5 冯5 "
    "邓5 曹5 彭5 曾5 肖5 田4 董4 袁4 潘4 于4 蒋4 蔡4 余4 杜4 叶4 程4 "
    "苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪2 范2 金2 "
    "石2 廖2 贾2 夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 "
    "闫2 段2 雷2 侯2 龙2 史2 陶1 黎1 贺1 顾1 毛1 郝1 龚1 邵1 万1 钱1 "
    "严1 覃1 武1 戴1 莫1 孔1 向1 汤1 单1 欧阳1").split()
NAMES = [s.rstrip("0123456789") for s in SURNAMES]
WEIGHTS = [int(s[len(n):]) for s, n in zip(SURNAMES, NAMES)]
GIVEN_M = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
GIVEN_F = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟"
RARE = "䶮𠇔〇𠀀"
TOWNS = ("东城", "西关", "南沙", "北岭", "河口", "山前", "新集", "柳林")
VILLAGE_SUFFIX = ("村", "村", "村", "社区")
AREAS = ("370402", "370403", "370404", "370405", "370406", "370481")
RELATIONS_BELOW = ("配偶", "子女", "子女", "子女", "父母", "孙子女",
                   "祖父母", "兄弟姐妹", "其他")
W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def check_digit(body):
    return CHECK[sum(int(c) * w for c, w in zip(body, W)) % 11]


def given(rng, male):
    pool = GIVEN_M if male else GIVEN_F
    n = 1 if rng.random() < 0.25 else 2
    s = "".join(rng.choice(pool) for _ in range(n))
    if rng.random() < 0.0005:      # a rare character now and then
        s = s[:-1] + rng.choice(RARE)
    return s


def id_number(rng, used, area, year, male):
    while True:
        month = rng.randint(1, 12)
        days = DAYS[month - 1] + (month == 2 and year % 4 == 0 and
                                  (year % 100 != 0 or year % 400 == 0))
        day = rng.randint(1, days)
        seq = rng.randint(0, 499) * 2 + (1 if male else 0)
        body = "%s%04d%02d%02d%03d" % (area, year, month, day, seq)
        if body not in used:
            used.add(body)
            return body + check_digit(body)


def villages(rng):
    out = []
    for t in TOWNS:
        for k in range(12):
            out.append("%s%s%s" % (t, "一二三四五六七八九十甲乙"[k],
                                   rng.choice(VILLAGE_SUFFIX)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000000, help="rows")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("-o", default="-", help="file (default stdout)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vils = villages(rng)
    used = set()
    out = (open(a.o, "w", encoding="gb18030", newline="") if a.o != "-"
           else open(sys.stdout.fileno(), "w", encoding="gb18030",
                     newline="", closefd=False))
    out.write("身份证号码,姓名,户号,户主身份证号,与户主关系,村(社区),"
              "户口性质,联系电话\r\n")
    rows, hh = 0, 0
    while rows < a.n:
        hh += 1
        size = min(rng.choices((1, 2, 3, 4, 5, 6),
                               (14, 27, 24, 19, 11, 5))[0], a.n - rows)
        area = rng.choice(AREAS)
        village = rng.choice(vils)
        residence = "农业" if rng.random() < 0.8 else "非农业"
        surname = rng.choices(NAMES, WEIGHTS)[0]
        number = "%s%06d" % (area[4:], hh)
        head_male = rng.random() < 0.85
        head_year = rng.randint(1940, 1995)
        head = id_number(rng, used, area, head_year, head_male)
        lines = [(head, surname + given(rng, head_male), "户主")]
        for _ in range(size - 1):
            rel = rng.choice(RELATIONS_BELOW)
            male = rng.random() < 0.5
            if rel == "配偶":
                male, year = not head_male, head_year + rng.randint(-3, 3)
            elif rel in ("子女", "其他"):
                year = min(head_year + rng.randint(20, 35), 2020)
            elif rel == "孙子女":
                year = min(head_year + rng.randint(45, 60), 2020)
            elif rel in ("父母", "祖父母"):
                year = max(head_year - rng.randint(20, 30), 1920)
            else:
                year = head_year + rng.randint(-8, 8)
            own = surname if rel in ("子女", "孙子女", "兄弟姐妹") else \
                rng.choices(NAMES, WEIGHTS)[0]
            lines.append((id_number(rng, used, area, year, male),
                          own + given(rng, male), rel))
        for pid, name, rel in lines:
            phone = "1%d%09d" % (rng.choice((3, 5, 8)),
                                 rng.randint(0, 999999999)) \
                if rng.random() < 0.7 else ""
            out.write("%s,%s,%s,%s,%s,%s,%s,%s\r\n" % (
                pid, name, number, head, rel, village, residence, phone))
        rows += size
    out.close()


if __name__ == "__main__":
    main()
