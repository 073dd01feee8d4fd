"""How well the negative list sorts item names it was not shaped on.

- held_out_bans_caught: the share of bans in tests/core/data/negative-list-held-out.csv that get a
  warning (goal at least 0.95);
- held_out_ordinary_warned: the share of ordinary services there that get one (goal at most 0.03);
- the same two for the rules alone (without the resemblance of names no rule reads), and for the
  case list the rules are shaped on and the resemblance learns from;
- next_block_*: the resemblance alone, trained on the case list's rows before each of its last five
  blocks of 432 rows and scored on the block (how it chose its settings);
- mended_ordinary_warned: the share of the rounds' ordinary names (written at the rules' edges,
  tests/core/test_negative_list_rounds.py) that get a warning.

The held-out list was written before the rules it scores were changed. Score it once per change of
core/data/negative-list.csv; a case it shows missed may then move to the shaped-on list, and the
held-out list needs new names for the next change. Each list below was written before the change
it scores, scored under the rules before it and after it, then joined the shaped-on list:

    list  names (bans / ordinary)  before          after
    1     47 / 96                  0.468 / 0.052   0.851 / 0.031
    2     40 / 79                  0.825 / 0.000   0.875 / 0.000
    3     37 / 74                  0.757 / 0.000   0.757 / 0.000
    4     36 / 73                  0.750 / 0.014   0.944 / 0.014
    5     37 / 72                  0.838 / 0.000   0.838 / 0.000
    6     36 / 72                  0.917 / 0.000   0.917 / 0.000
    7     36 / 72                  0.833 / 0.000   0.833 / 0.000
    8     36 / 72                  0.833 / 0.000   0.861 / 0.000
    9     36 / 72                  0.889 / 0.000   0.889 / 0.000
    10    36 / 72                  0.861 / 0.014   0.861 / 0.014
    11    36 / 72                  0.861 / 0.014   0.861 / 0.014
    12    36 / 72                  0.833 / 0.000   0.833 / 0.000
    13    36 / 72                  0.806 / 0.014   0.861 / 0.014
    14    36 / 72                  0.917 / 0.000   0.917 / 0.000
    15    36 / 72                  1.000 / 0.000   1.000 / 0.000
    16    36 / 72                  0.583 / 0.028   (no change: it scored round fifteen's rules)
    17    36 / 72                  0.472 / 0.069   0.583 / 0.056
    18    36 / 72                  0.472 / 0.014   0.556 / 0.014
    19    36 / 72                  0.694 / 0.000   0.694 / 0.000
    20    36 / 72                  0.500 / 0.014   0.500 / 0.014
    21    36 / 72                  0.250 / 0.000   0.500 / 0.000
    22    36 / 72                  0.500 / 0.028   0.500 / 0.028
    23    36 / 72                  0.611 / 0.042   0.667 / 0.042
    24    36 / 72                  0.639 / 0.000   0.639 / 0.000
    25    36 / 72                  0.750 / 0.000   0.750 / 0.000
    26    36 / 72                  0.750 / 0.014   0.750 / 0.014
    27    36 / 72                  0.611 / 0.000   0.611 / 0.000
    28    36 / 72                  0.806 / 0.014   0.833 / 0.014
    29    36 / 72                  0.972 / 0.000   0.972 / 0.000
    30    36 / 72                  0.750 / 0.000   (written after round 28, scored once)
    31    36 / 72                  0.667 / 0.000   0.667 / 0.000
    32    36 / 72                  0.806 / 0.000   0.833 / 0.000
    33    36 / 72                  0.639 / 0.000   0.667 / 0.000
    34    36 / 72                  0.667 / 0.000   0.667 / 0.000
    35    36 / 72                  0.611 / 0.014   0.611 / 0.014   0.972 / 0.014 with the resemblance
    36    36 / 72                  0.722 / 0.000   1.000 / 0.000 with the resemblance (the current held-out list)

Keyword rules generalise unevenly: a round mends what its shaped-on cases show and helps a new list
by 0 to 25 points; lists 1 to 15 scored 75 to 100% before their rounds, and lists 16 to 28, written
in words no list before them held, 25 to 81% (the later ones higher).
Round seven (list 6's misses) made 更换 a purchase and named public facilities (院, 馆, 站, 道) as
works. Round eight (list 7's):
goods kept in reserve (…物资储备) or delivered (配送) are goods, a market or a new village built is
works, a reservoir or dike made safe (除险, 加固) is infrastructure, paying by instalments
(分期付款, 延期付款) is financing, a penalty decided (处罚决定) is the government's own act. Round
nine (list 8's): a centre (中心) or a resettlement site (安置点) built is works, a utility tunnel
(管廊) is infrastructure, equipment 配置 is goods; the structure was already there (a physical thing
followed by 建设 and its kin, the thing named, so 能力建设 stays a service), only the things were
new. Round ten (list 9's misses, 配发, 编织袋, 场地 and 发电厂): goods issued (配发) or stocked
against floods and disasters (防汛…储备), a ground (场地) or a plant (电厂, 水厂, 焚烧厂) built, and a
service joined to works in one name (保洁及护栏更换工程) are caught; a car park built was labelled
works, but the rules have read it as infrastructure since an earlier round, and it is. List 10 holds
more ordinary names that carry a ban's words (设备采购需求论证, 献血招募, 安置帮教); it warns on one
ordinary name in 72. Round eleven (list 10's): garments (防护服, 作训服), a façade or roof (立面,
屋顶), a network extended or a pond enlarged (延伸, 扩容; 山塘, 塘坝), staff stationed by an agency
(派驻…人员), a welfare post of any kind (公益性…岗位) and the government's own investigation (调查 no
longer excuses a direct duty, 满意度 does) are read; a service to the dispatch agencies' licensing
(许可, 年审) is not dispatch. Round twelve (list 11's) read a name's head, not only its things: a name
ending in 建设 builds something unless the character before says it is abstract (能力, 体系, 队伍,
资源, 品牌 …); on list 12 it caught nothing the rules before it missed. Round thirteen (list 12's)
read a name ending in 改造 the same way, and named a base station, works paid for over years, staff of
an outsourcing firm, a thing built and run in one name, and registering, certifying and issuing; it
moved list 13 by 5.5 points, the first round since the eighth to move a new list. Round fourteen
(list 13's) named books (书籍), a stand (看台), an irrigation district, a trunk road and drinking water
(灌区, 干道, 饮水) with works continued (续建) or ending in 工程, staff sent by a labour or outsourcing
firm (劳务公司派员), a hired …员, and a repair works included in a service (含维修改造工程); 执法 no
longer excuses dispatch (劳务外包人员充实执法队伍), and an analysis of purchase data (数据分析) is a
service. Three road and water names of earlier lists, labelled construction, are infrastructure, as
the rest of the case list has them. It caught nothing more on list 14. Round fifteen (list 14's)
named a tracking bracelet and a terminal (手环, 终端), a place brought up to standard
(卫生室标准化建设), waterproofing (屋面防水) and an expressway ramp (快速路, 匝道); a street lamp's line
is works as the other street-lamp names are, and a loan for resettlement housing is both borrowing
and works, as the case list already had such names. List 15 scored 100% / 0% before it, the first
list to: its names were written by the hand that wrote the rules and use their words, which says
little about the names a real campaign files. List 16 was written to test that: names as budget
lines phrase them, a product without its kind (CT机, 洒水车), other verbs (补充, 订购, 提升, 罩面),
financing and hiring in other words (资产证券化, 招考); under the same rules it scored 58.3% / 2.8%.
Round sixteen (lists 15 and 16) read a machine bought or renewed (…机更新), supplies topped up or
ordered (补充, 订购, 添购), desks and stools, a courtyard or a place upgraded (院坝, 阵地, 提升), pipes
replaced, a 改造 of part of a building (办案区改造), a road resurfaced (罩面), sewage and flood works
(污水治理), securitisation, a firm's staff further along the name, 招考, a hired driver or worker;
a load of renovation waste (装修垃圾) and sorting a list of duties (梳理) are services. List 17, written
the same way as list 16 and before the round, went from 47.2% / 6.9% to 58.3% / 5.6%: the rules
read the words they were shown, and a name phrased otherwise still passes. Round seventeen (list
17's) read a product by the last character of its kind (冰柜, 采样泵, 玩教具: …柜/泵/具 and the like
bought, renewed or topped up), halls and wards (大厅, 礼堂, 住院部) and works that improve, raise,
enlarge or complete (改善, 加高, 扩容, 完善), rivers worked on, storm and sewage separated (雨污) and
networks completed (配套), credit lines and buy-backs (授信, 回购), a firm's …员, recruiting …员
(招募, not volunteers) and a review decision; a sample check (抽检), a plan drafted (方案编制),
coaching (辅导) and a dispatched worker's dispute are services. List 18, written before the round,
went from 47.2% / 1.4% to 55.6% / 1.4%. Round eighteen (list 18's) named an ultrasound scanner
(彩超), a passage, a wall insulated, painted, extended or widened (保温, 粉刷, 延伸, 拓宽), a leak
repaired, a pavement relaid, networks extended (扩网) and river banks built (河道, 修筑), repayment the
government underwrites (兜底偿还), a pledge (质押), a firm's staff stationed (派驻) and registering a
vehicle, a marriage or property; works on rivers and pavements are infrastructure, as the newer
lists have them, and four earlier names were relabelled so. It caught nothing more on list 19
(69.4% / 0.0%). Round nineteen (list 19's) named a camera and a power supply renewed, supplies
supplied (供应, not a supply service), doors and windows replaced, a wall bricked up or a house
repaired (修砌, 修葺), a network renewed or connected to homes (更新, 接户), asphalt laid (摊铺) and roads
by their grade (县道 …), factoring (保理) and an outsourced driver; and, as the issue asked with
课桌椅 and 口罩, a name that is nothing but a product (…设备, …器材; not 资料 or 材料, which are
printed or compiled as often as bought). List 20, written before the round with names in verbs no
list held (购入, 采买, 配齐, 换装; 翻建, 建造, 改装, 装潢, 加层), scored 50.0% / 1.4% before it and after
it. Round twenty (list 20's) read verbs by their characters rather than as words: a product
followed within three characters by one of acquiring it (购, 备, 置, 配, 添, 更, 换, 增, 订, 采, 补,
供: 购入, 配齐, 增配 …), a thing of works followed within two by one of building it (建, 修, 造, 装,
砌, 铺, 翻, 搭, 扩, 改 …: 翻建, 改装, 修补 …), each unless a service follows (…服务, 管理, 维修,
回收 …) or the character begins another word (配合, 建议, 修订, 具备 …); a road by its last character
(…路修建), water stored for people (人饮, 蓄水池), drainage (排涝), office paper and toner, payment
by instalments (分年付款) and a firm's staff named before the firm (…员由劳务公司…). List 21, written
before the round in yet other words (引进, 安放, 置换, 建盖, 安设, 砌护, 筹资, 选聘, 招收 …), went from
25.0% / 0.0% to 50.0% / 0.0%: the first round since the thirteenth to move a new list by more than
eleven points. Round twenty-one (list 21's)
read a product brought in or set in place (引进, 安放) and shelves (…架), public housing by its kind,
a structure's parts and fences, a thing added or set up (增设, 安设), building named before the thing
(新建乡镇卫生院, 修建村级活动场所), a road linking networks (联网路), culverts and flood drains, works
that consolidate (巩固提升), stone-lined channels, paying from later years' money, raising funds for
another (筹资), a company's liquidity, a promised return (固定回报), staff a firm sends (公司派员,
机构输送), workers used through an agent (委托用工), 选聘, 招收 and 核准; a works verb followed by 服务
in its phrase is a service (公租房维修报修受理服务). List 22, written before the round, scored 50.0% /
2.8% before it and after it. Round twenty-two (list 22's) read a
product allotted, filled up, installed or placed (调配, 充实, 安装, 投放) and telephones, toilets and
fences by their kind, a roof or a storehouse protected against water or damp (防渗, 防潮), fences
renewed, a thing of infrastructure followed within two characters by one of building it (路面刷黑,
管网铺排, 桥梁加宽), lines strung (架设), money advanced or paid late (垫款, 延付), labour contracted
out by any name (劳务承包), cadres attracted (招引) and a certificate issued (颁发); an approval of
works is not works, and the 编 of 采编 does not begin 编外. A firm hiring staff for the government is
labelled both dispatch and recruitment, as the case list had it. List 23, written before the round,
went from 61.1% / 4.2% to 66.7% / 4.2%: three ordinary names of 72 warned, above the 3% allowed
(燃气管道第三方施工监护, 供水管网水力模型建设服务, 小型农田水利设施产权移交核查). Round twenty-three
(list 23's) read lamps and beds by their last character, wristbands, a partition, a façade
repainted, a road milled and relaid, lending between companies (拆借), money raised first by
another party, hiring through a third party, staff an outsourcing unit supplies, a welfare post
however written, nurses and teachers hired and a licence decided on or issued; checking (核查,
核实, 复核) is a service under every rule, and those three ordinary names are no longer warned.
List 24, written before the round (with one name whose ban is in its description), scored 63.9% /
0.0% before it and after it. Round twenty-four (list 24's) read cylinders and cases by their last
character (瓶, 箱), a security gate, products renewed in bulk (统一更新), goods kept in store (储存),
a floor slab redone, walls coated (涂装), embankments and farm roads, a road turned to asphalt
(白改黑), a company paying for the government (代付), a loan passed on (转贷), staff named before
they are stationed or outsourced and a land-use pre-examination; three of list 24's labels were
set to how the case list reads such names (a camera bought inside a service is bundling, a guard
rail is works, a sewage room is infrastructure). List 25, written before the round, scored 75.0% /
0.0% before it and after it. Round twenty-five (list 25's) read a unit equipped (列装), stock taken
in (进货), decoction pieces, a bathroom fitted for the elderly, a shopfront made and installed, a
façade beautified, streets and alleys, paying debts for the government (偿债), a guaranteed payout
(保底兑付) and a household registration examined; a temporary hire is recruitment, as the case list
has it. List 26, written before the round, scored 75.0% / 1.4% before it and after it. Round
twenty-six (list 26's) read products for the elderly, clothes and bedding, goods upgraded or got
ready (升级, 筹备), a cell, wall padding and a counter, a network rerouted (改线), a bridge by its last
character, a standing promise to underwrite (兜底承诺), registering the use of regulated equipment
and a licence reissued (换发); the medical check of a qualification is a service. List 27, written
before the round, scored 61.1% / 0.0% before it and after it. Round twenty-seven read a name that
ends in a word of acquiring, whatever it acquires (…购储, …采买, …添配: the lists since the twentieth
named things no vocabulary holds, but ended in such a word), stage lighting and sound, aircraft, a
building's services by their system (热水系统), interrogation rooms, paint, soundproofing, a road
raised a grade (提档升级), a bridge loan, a minimum return, bonds issued, asset-backed notes, a …员
outsourced and a completion filed (验收备案). List 28, written before the round, went from 80.6% /
1.4% to 83.3% / 1.4%. Round twenty-eight (list 28's) read a name that ends in a product named by
its last character (…护理床, …测试仪), a thing equipped again (重新配置), lanes, a thing of
infrastructure added (增设), a bond's or loan's principal and interest paid out, payment over a
number of years (分十年支付) and a certificate handled (…证办理); an exam for a certificate is a
service. List 29, written before the round in the plainer words most budget lines use (添置, 配齐,
改扩建, 防水 …), scored 97.2% / 0.0% before it and after it: like list 15, it says how the rules
read plain names, and lists 20 to 28, written in words no list held, how they read the rest. List
30 was written after the round the way lists 20 to 28 were, and scored once under its rules: 75.0% /
0.0%; lists 29 and 30 together, 86.1% / 0.0%. Round twenty-nine (their misses) read hardware
systems of a hall or an imaging room, a tablet display, a boat, goods brought in or laid out, a
stock topped up (补购), a lift added (加装), leaks and climate worked on (渗漏, 温湿度), a main street,
interest for paying late, staff sent by a firm and the fire-safety review and acceptance of a
building. List 31, written before the round in words no list held, scored 66.7% / 0.0% before it
and after it. Round thirty (list 31's misses) read a name that ends in installing, adding,
relaying, building, extending or repairing (安装, 加装, 翻铺, 修建, 扩建, 修缮, 砌筑) as works
whatever the thing, unless it is abstract or software (of the 2,428 ordinary cases, one name ended
in such a word, against 316 bans), a thing of works renewed (更新), a stage apart from a platform,
a bus stop, short and medium-term notes, a right to revenue transferred, a source of repayment,
staff an agency manages and a certificate issued after an inspection; 重建, 搭建 and 翻新 at the end
were left out, since 心理重建, 会场搭建 and 网站翻新 are services. List 32, written before the round
in words no list held, went from 80.6% / 0.0% to 83.3% / 0.0%. Round thirty-one (list 32's misses)
read refitting and wiring at the end of a name (改装, 布线), pipes laid (敷设) under a thing of
infrastructure, a flood channel, any bond issued (发行…债: 私募债, 公司债), a loss or a return
underwritten (…兜底, not social assistance's 兜底保障), staff attached to a firm (挂靠) and workers
used through a third party; two of list 32's own labels were set to how the case list reads the
pipes and the street lights of a place (works, not infrastructure). List 33, written before the
round, went from 63.9% / 0.0% to 66.7% / 0.0%: its misses bring 集采, 定制, 更替, 加宽, 提质, 联通,
迁改, 边坡防护, 计息, 劳务承揽, 派人 and 招募, none of which a list before it held. Round thirty-two
(list 33's misses) read those kinds (goods made to order or bought centrally, tiles replaced,
widening at a name's end, a road raised in quality, pipes connected or moved, a slope protected,
payment put off, labour contracted out, people a firm sends, staff enlisted), each with the
ordinary phrase beside it left alone (提质增效, 志愿服务人员招募, 派人保洁). List 34, written
before the round, scored 66.7% / 0.0% before it and after it: every one of its twelve misses is a
word no list held (租购, 筹措, 整饰, 防滑处理, 加设, 打通, 疏通整修, 资金池, 担保函, 供人 …).
Round thirty-three read those. Its list, 35, was written to include ordinary services named the
short way catalogues name them (社区矫正, 安置帮教, 社区居家养老), and scored 61.1% / 1.4% before and
after. Tried with it and not kept: warning any item whose name (level 4, else 3) falls under no rule
and holds none of 217 words that name a service (服务, 评估, 培训, 救助, 运维 …). With the first 186
of them, 1.6% of the ordinary cases and 69% of the bans named no service; the other 31 came from
those ordinary cases. On list 35 it caught 35 of 36 bans (97.2%), but warned 15 of 72 ordinary
services (20.8%: 社区矫正, 安置帮教, 孤残儿童养育, 道路交通安全劝导, 县域篮球联赛承办 …): a service is
named by verbs as open as a thing's nouns, and the goal is at most 3%.
Screening cost, measured
in turns against the code before round nineteen on the same texts: a case-list text 12.0 -> 15.0
µs, a description of the import bench 9.5 -> 10.5 µs.
The rules grew by a third; what keeps them fast: the patterns of a rule that begin with its nouns
are one search (goods, construction), a pattern begins with a character class and checks what
comes before it by look-behinds after it (a pattern that begins with a look-behind is tried at
every character), and the triggers and nouns are scanned as trees of their characters
(core.negative_list._scan). Every list of new names
brings words no list before it held; a reviewer's dismissals and the names a real campaign files
(flask negative-list-dismissals) are what the case list needs next.

The resemblance (core/resemblance.py), for names in which no rule finds a mention: a naive Bayes
model over the runs of one to three characters of the case list's names. Its settings were chosen on
the case list alone, before any held-out list was scored with it: trained on the rows before each
of the case list's last five blocks of 432 rows (about the last twenty held-out lists, in the order
they joined) and scored on the block, it caught alone 91.9 to 95.6% of the blocks' bans and
warned 1.0 to 3.2% of their ordinary services, depending on the settings (runs of one to two, three
or four characters; smoothing 0.1, 0.5 or 1; threshold 0.5 to 0.99); runs of up to three
characters, smoothing 1 and threshold 0.9 gave 92.2% / 1.1% (at most 1.7% in one block), and none of
the 145 published sample items. A logistic regression did no better (91.2% / 0.6% at 0.7; 96.8% / 1.7%
at 0.5), and marking a name's last characters apart (the head of a Chinese name is its end) did not
lower the warnings on the ordinary names the rounds wrote at the rules' edges.
Scored once with it, list 35 went from 61.1% to 97.2% of bans caught (the one warned ordinary
service, 残疾人辅助器具适配, is the rules': round thirty-four made 适配 excuse goods), and list 36,
written before the resemblance was made, scored 100% / 0% (the rules alone: 72.2% / 0%). The model
asked of every name without a rule's hit warned 18 of the 116 ordinary names the rounds wrote at the
rules' edges (设备安装工程监理, 平台建设及运营服务 …), so it is asked only of names in which no rule's
pattern finds a mention, excused or not: 11 of the 116, and list 36 still scored 100% / 0%.
Round thirty-four then took two lists written after the model, both scored once: 52 ordinary
services about works, goods, money and staff (工程监理, 设备维保, 债务管理培训 …, kept apart in
tests/core/data/services-about-things.txt), none warned; and 30 bans phrased as services
(…改造服务, …劳务派遣服务), 27 caught (22 by the rules). It read the three missed: goods bought,
installed and maintained in one (采购安装及维护) is bundling, a debt taken over (代偿) is financing and
tax administration (征管) is the government's own act; and a mention excused in its own phrase no
longer hides a later one (债务置换咨询及代偿). The 30 joined the cases, and one of them
(路灯采购安装及维护服务) made the model warn 街道路灯维护 (0.907): the threshold went to 0.95, at which
the blocks score 91.8% / 0.8%, the edge names 9 of 116 warned (9 of 119 with round thirty-four's
own three), and lists 35 and 36 as before.
What the model cannot weigh is what a look-around or an excusing word decides; every warning names
the case it resembles, and a dismissal teaches it the name.
"""

import csv
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.goals import report
from core import resemblance
from core.negative_list import screen

DATA = ROOT / "tests/core/data"
CASES = ROOT / "core/data/negative-list-cases.csv"
BLOCK, BLOCKS = 432, 5


def rows_of(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def figures(rows, rules_alone=False):
    warned = []
    for row in rows:
        hits = screen(row["level2"], row["level3"], "", row["description"])
        warned.append(any(not (rules_alone and hit.resembles) for hit in hits))
    bans = [hit for row, hit in zip(rows, warned, strict=True) if row["expected"]]
    ordinary = [hit for row, hit in zip(rows, warned, strict=True) if not row["expected"]]
    return sum(bans) / len(bans), sum(ordinary) / len(ordinary), len(bans), len(ordinary)


def next_blocks():
    """The resemblance alone on each of the last blocks of the case list, trained on the rows before it."""
    text = CASES.read_text("utf-8")
    lines = text.splitlines()
    rows = list(csv.DictReader(lines))
    caught, warned = [], []
    for end in range(len(rows) - BLOCKS * BLOCK, len(rows), BLOCK):
        model = resemblance.Model(resemblance.read_cases("\n".join(lines[: end + 1])))
        block = rows[end : end + BLOCK]
        found = [model.probability(row["level3"]) >= resemblance.THRESHOLD for row in block]
        caught.append(
            sum(f for f, row in zip(found, block, strict=True) if row["expected"])
            / sum(bool(r["expected"]) for r in block)
        )
        warned.append(
            sum(f for f, row in zip(found, block, strict=True) if not row["expected"])
            / sum(not r["expected"] for r in block)
        )
    return caught, warned


def mended():
    sys.path.insert(0, str(ROOT / "tests/core"))
    from negative_list_rounds_since_27 import KINDS_MENDED_SINCE_27

    source = (ROOT / "tests/core/test_negative_list_rounds.py").read_text("utf-8")
    names: dict = {}
    exec(source[source.index("KINDS_MENDED = [") : source.index("@pytest")], names)  # the list, not the test
    ordinary = [text for text, rule in names["KINDS_MENDED"] + KINDS_MENDED_SINCE_27 if not rule]
    return sum(bool(screen("", text)) for text in ordinary) / len(ordinary), len(ordinary)


def main():
    held_out = rows_of(DATA / "negative-list-held-out.csv")
    for name, rows, alone in (
        ("held_out", held_out, False),
        ("held_out_rules_alone", held_out, True),
        ("shaped_on", rows_of(CASES), False),
    ):
        caught, warned, bans, ordinary = figures(rows, alone)
        print(f"{name}: {bans} bans, {ordinary} ordinary services")
        report(f"{name}_bans_caught", caught, digits=3, at_least=0.95)
        report(f"{name}_ordinary_warned", warned, digits=3, at_most=0.03)
    caught, warned = next_blocks()
    print(f"next_block_bans_caught = {statistics.mean(caught):.3f}  (min {min(caught):.3f}; the resemblance alone)")
    print(f"next_block_ordinary_warned = {statistics.mean(warned):.3f}  (max {max(warned):.3f})")
    share, count = mended()
    print(f"mended_ordinary_warned = {share:.3f}  (of {count} names at the rules' edges)")


if __name__ == "__main__":
    main()
