"""Items that fall under 第十条 or 财预〔2017〕87号 are flagged with the rule in force; ordinary services are not.

data/negative-list-cases.csv holds real published item names (and the kinds of item audits found),
each with the rules it should hit: nothing for an ordinary service.
"""

import csv
import re
from pathlib import Path

import pytest
from flask_babel import force_locale

from core.negative_list import SCREENED, _first, era_of, rules, screen, screen_fields, text_hits


@pytest.fixture
def english(app):
    with app.test_request_context(), force_locale("en"):
        yield


CASES = list(csv.DictReader((Path(__file__).parent / "data/negative-list-cases.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['level3']}|{c['description']}" for c in CASES])
def test_real_item_names_hit_exactly_their_rules(case):
    hits = screen(case["level2"], case["level3"], "", case["description"])
    assert {hit.key for hit in hits} == set(case["expected"].split())


def test_the_case_list_holds_both_directions():
    ordinary = [case for case in CASES if not case["expected"]]
    assert len(ordinary) >= 200 and len(CASES) - len(ordinary) >= 90


def test_the_issue_examples_are_ordinary():
    for name in ("工程服务", "工程造价咨询", "金融资产管理", "就业招聘会组织", "农业技术推广服务", "文物修缮评估"):
        assert screen("", name) == [], name
    assert screen("金融", "创业担保贷款政策宣传") == []


def test_2020_campaigns_cite_order_102_and_2014_campaigns_notice_87(english):
    (new,) = screen("", "办公设备购置", era=era_of("2020"))
    (old,) = screen("", "办公设备购置", era=era_of("2014"))
    assert str(new.citation) == "Ministry of Finance Order No. 102, article 10 (3)"
    assert str(old.citation) == "Notice Cai Yu [2017] No. 87, section 2"


def test_hiring_and_dispatch_before_2020_cite_order_102_saying_the_2014_measures_had_no_such_article(english):
    """财综〔2014〕96号 articles 14-15 do not mention hiring or dispatch: the citation does not pretend."""
    for name, key in (("劳务派遣人员管理", "labour_dispatch"), ("编外人员招聘", "recruitment")):
        (hit,) = screen("", name, era="2014")
        assert hit.key == key and str(hit.citation) == (
            "Ministry of Finance Order No. 102, article 10 (5), in force from 1 March 2020: the 2014 Interim "
            "Measures had no such article"
        )


def test_a_match_is_quoted_with_its_phrase():
    """A product read by its last character matches 机购; the reader is shown what was bought."""
    assert [hit.keyword for hit in screen("", "卫生院心电图机购入")] == ["卫生院心电图机购入"]
    assert [hit.keyword for hit in screen("", "社区服务站房屋翻建")] == ["社区服务站房屋翻建"]
    (hit,) = screen("", "", "", "按合同提供服务，食堂冰柜购置由中标人负责。")
    assert hit.keyword == "食堂冰柜购置由中标人负责"  # the phrase, not the clause before it
    (hit,) = screen("", "", "", "由社会力量承担，含设备采购及安装")
    assert hit.keyword == "含设备采购"  # up to the conjunction that begins a second thing
    long = "为全面提升我县基层医疗卫生机构的服务能力和群众就医体验而开展的卫生院心电图机购入项目"
    assert screen("", long)[0].keyword == "体验而开展的卫生院心电图机购入项目"  # twelve characters before


def test_the_description_is_screened_and_named_as_the_field():
    (hit,) = screen_fields({"level2": "绿化", "level3": "城市绿化养护", "description": "含苗木采购"})
    assert (hit.key, hit.field, hit.keyword) == ("bundling", "description", "含苗木采购")


def test_a_bundle_is_one_warning_not_also_goods():
    assert [hit.key for hit in screen("", "信息化项目服务", "", "含硬件设备采购")] == ["bundling"]


def test_each_text_is_judged_on_its_own():
    """The 培训 of a level-2 name does not excuse the 装修 of the level-3 name."""
    assert [hit.key for hit in screen("教育培训", "办公楼装修")] == ["construction"]


def test_only_what_follows_a_mention_makes_it_ordinary():
    assert screen("", "文物修缮评估") == []
    assert [hit.key for hit in screen("", "培训楼装修")] == ["construction"]


def test_the_message_names_rule_source_and_words(english):
    (hit,) = screen("", "购买劳务派遣服务")
    assert str(hit.message) == (
        "Negative list: employing staff through labour dispatch (Ministry of Finance Order No. 102, "
        "article 10 (5)), “劳务派遣”."
    )


def test_every_screened_field_is_an_item_field():
    assert SCREENED == ("level2", "level3", "level4", "description")


def test_every_match_holds_a_trigger_of_its_rule():
    """Texts without any trigger are not screened further: the triggers must not miss a match."""
    by_key = {rule.key: rule for rule in rules()}
    for case in CASES:
        for hit in screen(case["level2"], case["level3"], "", case["description"]):
            assert any(word in hit.keyword for word in by_key[hit.key].triggers), hit


def test_texts_screened_ahead_give_the_very_hits_of_screening_in_place():
    """An import's child screens the cells' texts ahead (``known``); the plan's hits are the same."""
    for case in CASES:
        fields = {"level2": case["level2"], "level3": case["level3"], "description": case["description"]}
        known = {text: text_hits(text) for text in fields.values()}
        assert screen_fields(fields, "2020", known) == screen_fields(fields, "2020"), case


def test_a_text_screened_ahead_is_not_screened_again():
    assert screen("", "办公楼装修") and not screen_fields({"level3": "办公楼装修"}, known={"办公楼装修": ()})


def test_the_patterns_searched_one_by_one_find_what_their_union_finds():
    """Each rule's patterns are searched apart (for speed); on every text of the case list they give
    the very match, the same words at the same place, that one union of them gives."""
    texts = {case[name] for case in CASES for name in ("level2", "level3", "description")}
    for rule in rules():
        if rule.patterns is None:
            continue
        union = re.compile("|".join(search.pattern for search in rule.patterns))
        for text in texts:
            apart, together = _first(rule.patterns, text), union.search(text)
            assert (apart and apart.span()) == (together and together.span()), (rule.key, text)


def test_an_ordinary_phrase_blanked_for_the_patterns_still_excuses():
    """工程造价 is taken out of the search for 装修, but its 造价 still says what the service is about."""
    assert screen("", "装修工程造价审核") == []


def test_a_word_after_a_conjunction_is_a_second_thing_bought_not_the_purpose():
    assert [hit.key for hit in screen("", "设备采购及安装调试培训")] == ["bundling"]
    assert [hit.key for hit in screen("", "办公楼装修及培训")] == ["construction"]
    assert screen("", "办公楼装修质量监督及培训") == []


def test_goods_named_by_their_noun_and_works_by_what_is_built():
    assert [hit.key for hit in screen("", "中小学课桌椅采购")] == ["goods"]
    assert [hit.key for hit in screen("", "围墙及大门建设")] == ["construction"]
    assert [hit.key for hit in screen("", "社区养老服务中心建设")] == ["construction"]  # a centre built
    assert screen("", "社区服务中心能力建设培训") == []  # a centre's capacity is not built of bricks
    assert [hit.key for hit in screen("", "日间照料中心康复器械配置")] == ["goods"]
    assert screen("住房城乡建设", "城市道路养护") == []  # a department's name is not works


# What a round mended is the kind of thing a held-out list missed, not its word: names of the same
# kinds that no list held, each with the one rule it falls under ("" for an ordinary service).
# Round ten (list 9's misses): goods issued or stocked against floods and disasters, a ground or a
# plant built, a service joined to works in one name. Round eleven (list 10's): garments, a pond
# enlarged, staff stationed by an agency, a welfare post of any kind, and a dispatch agency's licence,
# which is the government's own act and not dispatch. Round twelve (list 11's): a name that ends in
# 建设 builds a thing unless what it builds is abstract (能力, 体系, 队伍, 资源 …: read from the
# character before 建设), a utility network (燃气, 供热) or a river basin worked on is infrastructure,
# building and operating in one (建设…一体化) is bundling, and confirming who qualifies is the
# government's own act. Round thirteen (list 12's): a name ending in 改造 is read as one ending in
# 建设, a base station is infrastructure, works paid for over years is financing, staff of an
# outsourcing firm is dispatch, a thing built and then run in one name is bundling, and registering,
# certifying and issuing (登记办理, 审核发证, 签发) are the government's own acts.
KINDS_MENDED = [
    ("配发执法记录仪", "goods"),
    ("应急救灾帐篷储备", "goods"),
    ("防汛沙袋储备", "goods"),
    ("训练场地建设", "construction"),
    ("热电厂改造", "infrastructure"),
    ("道路养护及附属设施维修工程", "bundling"),
    ("应急物资储备管理服务", ""),
    ("防汛抢险专家储备库管理服务", ""),
    ("水厂运行维护服务", ""),
    ("场地租赁服务", ""),
    ("市政工程设计及监理服务", ""),
    ("消防员作训服采购", "goods"),
    ("塘坝除险加固", "infrastructure"),
    ("由劳务公司派驻保洁人员", "labour_dispatch"),
    ("开发乡村公益性护林岗位", "recruitment"),
    ("劳务派遣行政许可", "direct_duties"),
    ("工作服洗涤服务", ""),
    ("屋顶光伏运维服务", ""),
    ("派驻第一书记培训", ""),
    ("行政执法满意度调查", ""),
    ("劳务派遣单位年检辅助服务", ""),
    ("空气质量监测站建设", "construction"),
    ("森林防火瞭望塔建设", "construction"),
    ("实训基地建设", "construction"),
    ("城镇供热管网老旧改造", "infrastructure"),
    ("流域水环境综合整治工程", "infrastructure"),
    ("污水处理站建设运营一体化", "bundling"),
    ("低保对象资格认定", "direct_duties"),
    ("社会组织能力建设", ""),
    ("诚信体系建设", ""),
    ("基层党组织建设", ""),
    ("公共文化数字资源建设", ""),
    ("信息系统建设", ""),
    ("住房城乡建设", ""),
    ("公益性岗位人员在岗管理服务", ""),
    ("训练场改造", "construction"),
    ("供暖锅炉改造", "construction"),
    ("通信基站配套管线建设", "infrastructure"),
    ("工程款延期支付", "financing"),
    ("外包服务人员工资", "labour_dispatch"),
    ("文化广场建设及管理服务", "bundling"),
    ("户口簿签发", "direct_duties"),
    ("居家适老化改造", ""),
    ("跨年度服务合同分年支付", ""),
    ("平台建设及运营服务", ""),
    ("服务外包企业人员培训", ""),
    ("经济普查入户登记", ""),
    ("护照签发辅助服务", ""),
    ("农家书屋书籍配送", "goods"),
    ("足球场看台改造", "construction"),
    ("灌区续建配套工程", "infrastructure"),
    ("城市主干道改造", "infrastructure"),
    ("农村饮水巩固提升工程", "infrastructure"),
    ("人力资源公司派员驻点", "labour_dispatch"),
    ("外包企业派出人员", "labour_dispatch"),
    ("雇用临时保安员", "recruitment"),
    ("场馆运营服务含修缮工程", "bundling"),
    ("药品采购数据分析", ""),
    ("街道路灯维护", ""),
    ("人力资源服务机构人员培训", ""),
    ("劳务派遣单位执法检查", "direct_duties"),
    ("养老机构定位手环采购", "goods"),
    ("执法终端购置", "goods"),
    ("乡镇卫生院标准化建设", "construction"),
    ("教学楼屋顶防水", "construction"),
    ("快速路新建", "infrastructure"),
    ("高架匝道改造", "infrastructure"),
    ("标准化建设指导服务", ""),
    ("终端运维服务", ""),
    ("智能手环健康监测服务", ""),
    ("防水工程质量检测", ""),
    ("卫生院B超机更新", "goods"),
    ("执法记录仪补充", "goods"),
    ("办公桌凳添购", "goods"),
    ("报刊订购", "goods"),
    ("宿舍热水管道更换", "construction"),
    ("广场景观提升", "construction"),
    ("学校院落硬化", "construction"),
    ("小区停车区改造", "construction"),
    ("城区道路罩面", "infrastructure"),
    ("城镇污水治理", "infrastructure"),
    ("收费权资产证券化", "financing"),
    ("人力资源公司提供的窗口人员", "labour_dispatch"),
    ("事业单位工作人员招考", "recruitment"),
    ("雇请保洁工人", "recruitment"),
    ("装修垃圾运输服务", ""),
    ("权力事项清单梳理", ""),
    ("机关采购需求论证", ""),
    ("聘请律师提供法律服务", ""),
    ("招考考务服务", ""),
    ("污水治理技术咨询", ""),
    ("服务能力提升", ""),
    ("办公室文件柜更换", "goods"),
    ("监测站水泵更新", "goods"),
    ("幼儿园教具配备", "goods"),
    ("社区礼堂翻新", "construction"),
    ("门诊部扩容", "construction"),
    ("养老院设施完善", "construction"),
    ("城区河道综合治理", "infrastructure"),
    ("集镇雨污分流改造", "infrastructure"),
    ("工业园区供水管网配套", "infrastructure"),
    ("以购买服务合同取得银行授信", "financing"),
    ("购买服务项目资产政府回购", "financing"),
    ("劳务公司派来的协管员", "labour_dispatch"),
    ("招募专职网格员", "recruitment"),
    ("行政复议决定", "direct_duties"),
    ("招募志愿者", ""),
    ("道路工程质量抽检", ""),
    ("土地整理方案编制", ""),
    ("专项债申报辅导", ""),
    ("派遣人员劳动争议仲裁", ""),
    ("车辆更新论证", ""),
    ("卫生院彩超配备", "goods"),
    ("宿舍楼外墙保温", "construction"),
    ("卫生间漏水维修", "construction"),
    ("广场步道延伸", "construction"),
    ("背街道路拓宽", "infrastructure"),
    ("燃气管网扩网", "infrastructure"),
    ("河道堤岸修筑", "infrastructure"),
    ("人行道地砖更换", "infrastructure"),
    ("政府兜底还款的购买服务", "financing"),
    ("收费权质押", "financing"),
    ("人力资源公司派驻的协管人员", "labour_dispatch"),
    ("不动产登记", "direct_duties"),
    ("婚姻登记", "direct_duties"),
    ("购置税申报辅导", ""),
    ("不动产登记档案数字化", ""),
    ("志愿者登记", ""),
    ("股权质押登记辅助", ""),
    ("外墙保温材料检测", ""),
    # round nineteen (list 19's misses): a camera or a power supply renewed, supplies supplied,
    # doors and windows replaced, a wall bricked up or a house repaired, a network renewed or
    # connected to homes, asphalt laid, factoring, an outsourced driver; and, as the issue's 课桌椅
    # and 口罩 asked, a name that is nothing but a product
    ("会议室摄像机更换", "goods"),
    ("机房蓄电池更换", "goods"),
    ("学校实验耗材供应", "goods"),
    ("教学楼门窗更换", "construction"),
    ("村小学围墙砌筑", "construction"),
    ("文化站房屋修葺", "construction"),
    ("供热管网更新", "infrastructure"),
    ("小区供水管网接户", "infrastructure"),
    ("县道沥青摊铺", "infrastructure"),
    ("工程款应收账款保理", "financing"),
    ("外包驾驶员", "labour_dispatch"),
    ("村卫生室诊疗设备", "goods"),
    ("中小学实验器材", "goods"),
    ("应急物资供应保障服务", ""),
    ("食品供应链监管服务", ""),
    ("禁毒宣传资料", ""),
    ("保理业务监管辅助服务", ""),
    # round twenty (list 20's misses, in verbs no list held): a product followed within three
    # characters by a character of acquiring it (购, 配, 添, 增, 换, 采 …), a thing of works followed
    # within two by one of building it (建, 修, 造, 装, 翻, 铺 …), a road named by its last character,
    # water stored for people, drainage of floods, a decoration, a leak of rain, payment by
    # instalments, and a firm's staff named before the firm
    ("卫生院心电图机购入", "goods"),
    ("乡镇应急发电机配齐", "goods"),
    ("中学实验室通风柜增配", "goods"),
    ("机关复印纸张", "goods"),
    ("社区书屋书刊补充", "goods"),
    ("派出所值班用房翻建", "construction"),
    ("卫生院病房改装", "construction"),
    ("文化站地面修补", "construction"),
    ("村委会会议室装潢", "construction"),
    ("镇政府办公楼加层", "construction"),
    ("学校屋面漏雨处理", "construction"),
    ("村组生产路修建", "infrastructure"),
    ("集镇蓄水池扩建", "infrastructure"),
    ("县城排涝泵站新建", "infrastructure"),
    ("社区保洁员由劳务公司统一管理", "labour_dispatch"),
    ("一级建造师继续教育", ""),
    ("仪器设备检定校准服务", ""),
    ("机关车补发放", ""),
    ("药品处置服务", ""),
    ("图书馆新书推荐服务", ""),
    ("城市照明线路巡检", ""),
    ("房屋建筑白蚁防治", ""),
    ("具备条件的社会力量", ""),
    # round twenty-one (list 21's misses): a product brought in or set in place, shelves; public
    # housing by its kind, a structure's parts, fences that separate, a thing added (增设, 增建) or
    # set up (安设), and building named before the thing (新建…卫生院); a road linking networks,
    # culverts, flood drains, a bridge's deck, works that consolidate, stone-lined channels; paying
    # from later years, raising funds for another, a company's liquidity, a promised return; staff a
    # firm sends or supplies, workers used through an agent; selecting or taking on staff (选聘,
    # 招收); approving a project (核准)
    ("实验室离心机引进", "goods"),
    ("图书室书架安放", "goods"),
    ("阅览室期刊架添置", "goods"),
    ("礼堂钢结构加固", "construction"),
    ("监区防护网安设", "construction"),
    ("福利院无障碍设施增建", "construction"),
    ("新建乡镇卫生院", "construction"),
    ("修建村级活动场所", "construction"),
    ("县城联网路改建", "infrastructure"),
    ("村道涵洞修建", "infrastructure"),
    ("集镇排洪渠浆砌", "infrastructure"),
    ("以后年度财政资金偿还的购买服务", "financing"),
    ("项目公司承诺回报", "financing"),
    ("国企代政府筹资", "financing"),
    ("物业公司派员顶岗", "labour_dispatch"),
    ("窗口人员代理用工", "labour_dispatch"),
    ("网格员选聘", "recruitment"),
    ("协管员招收", "recruitment"),
    ("固定资产投资项目核准", "direct_duties"),
    ("医保筹资政策宣传", ""),
    ("核准登记辅助服务", ""),
    ("学校选聘教师笔试组织", ""),
    ("框架协议采购服务", ""),
    ("城乡建设指挥中心", ""),
    ("路灯维修服务", ""),
    ("医疗设备采购服务", "goods"),  # bought, whatever follows: not only a character of acquiring
    # round twenty-two (list 22's misses): a product allotted, filled up, installed or placed, and
    # telephones; toilets and fences by their kind, a roof or a storehouse protected against water
    # or damp, fences renewed; a thing of infrastructure followed within two characters by one of
    # building it, lines strung; money advanced or paid late; labour contracted out by any name;
    # cadres attracted; a certificate issued. An approval of works is not works, and the 编 of
    # 采编 or 汇编 does not begin 编外
    ("应急指挥车调配", "goods"),
    ("农家书屋图书充实", "goods"),
    ("会议室投影设备安装", "goods"),
    ("社区健身器材投放", "goods"),
    ("执法人员手机配发", "goods"),
    ("公厕房顶防渗", "construction"),
    ("档案库房防潮", "construction"),
    ("操场护栏更新", "construction"),
    ("县道路面加宽", "infrastructure"),
    ("通信光缆架设", "infrastructure"),
    ("企业代政府垫支工程款", "financing"),
    ("购买服务款项延付", "financing"),
    ("保洁人员劳务分包", "labour_dispatch"),
    ("社区后备干部招引", "recruitment"),
    ("执业证书颁发", "direct_duties"),
    ("资料汇编外包服务", ""),
    ("道路施工审批咨询", ""),
    ("车辆调配服务", ""),
    ("高层次人才招引服务", ""),
    ("设备安装工程监理", ""),
    # round twenty-three (list 23's misses): lamps and beds by their last character, wristbands; a
    # partition, a façade repainted; a road milled and relaid; lending between companies, money
    # raised first by another party; hiring through a third party, staff an outsourcing unit
    # supplies; a welfare post however written, nurses and teachers hired; a licence decided on or
    # issued. Checking (核查, 核实, 复核) is a service under every rule; supervising works near a pipe
    # and the contractor (施工方) are not works
    ("诊室检查床购置", "goods"),
    ("走廊照明灯更换", "goods"),
    ("手术室无影灯添置", "goods"),
    ("社区矫正腕带配发", "goods"),
    ("会议室隔断搭建", "construction"),
    ("教学楼外墙刷新", "construction"),
    ("国企资金拆借", "financing"),
    ("由社会资本先行筹措", "financing"),
    ("卫生院护士聘任", "recruitment"),
    ("公益岗位人员招聘", "recruitment"),
    ("烟花爆竹经营许可审定", "direct_duties"),
    ("营业执照发放", "direct_duties"),
    ("临床路径管理", ""),
    ("河床清淤疏浚评估", ""),
    ("营业执照发放情况核查", ""),
    ("项目资金筹措方案编制", ""),
    ("网页刷新频率优化", ""),
    # round twenty-four (list 24's misses): cylinders and cases by their last character, a security
    # gate, products renewed in bulk, goods kept in store; a floor slab, works done again, walls
    # coated; embankments and farm roads, a road turned to asphalt; a company paying for the
    # government, a loan passed on; staff named before they are stationed or outsourced; a
    # land-use pre-examination. A water dispenser is not drinking-water works
    ("车站安检门购置", "goods"),
    ("急救氧气瓶补给", "goods"),
    ("消防器材箱添置", "goods"),
    ("应急物资储存", "goods"),
    ("办公家具统一更新", "goods"),
    ("操场地坪重做", "construction"),
    ("活动室墙面涂刷", "construction"),
    ("县道白改黑", "infrastructure"),
    ("河堤修砌", "infrastructure"),
    ("机耕路修建", "infrastructure"),
    ("平台公司代付工程款", "financing"),
    ("专项资金转贷", "financing"),
    ("保洁人员外包", "labour_dispatch"),
    ("项目用地预审", "direct_duties"),
    ("部门采购需求论证", ""),
    ("电子邮箱配置服务", ""),
    ("饮水机清洗消毒服务", ""),
    ("道路白改黑工程监理", ""),
    # round twenty-five (list 25's misses): a unit equipped, stock taken in, decoction pieces; a
    # bathroom (fitted for the elderly or not), a shopfront made and installed, a façade beautified;
    # streets and alleys; paying debts for the government, a guaranteed payout; a household
    # registration examined or handled
    ("武警中队执勤车辆列装", "goods"),
    ("卫生院中药饮片采购", "goods"),
    ("药房药品进货", "goods"),
    ("宿舍卫生间改造", "construction"),
    ("福利院卫生间适老化改建", "construction"),
    ("社区服务中心门头制作安装", "construction"),
    ("办公楼外立面美化", "construction"),
    ("背街小巷硬化", "infrastructure"),
    ("代政府偿还贷款", "financing"),
    ("社会资本保底回报", "financing"),
    ("户口迁出办理", "direct_duties"),
    ("门头招牌审批辅助", ""),
    ("偿债能力评估", ""),
    # round twenty-six (list 26's misses): products for the elderly, clothes and bedding, goods
    # upgraded or got ready; a cell, wall padding, a counter; a network rerouted, a bridge by its last
    # character; a standing promise to underwrite; registering the use of regulated equipment, a
    # licence reissued. The medical check of a qualification is a service
    ("社区适老化产品配置", "goods"),
    ("执法记录设备升级", "goods"),
    ("救灾棉衣筹备", "goods"),
    ("监室软包更换", "construction"),
    ("营业厅柜台改造", "construction"),
    ("供热管网改线", "infrastructure"),
    ("跨河石拱桥加固", "infrastructure"),
    ("财政兜底承诺", "financing"),
    ("压力容器使用登记", "direct_duties"),
    ("执业许可证换发", "direct_duties"),
    ("设备升级改造咨询", ""),
    ("驾驶员资格证换发辅助", ""),
    # round twenty-seven (list 27's misses): a name that ends in a word of acquiring, whatever it
    # acquires; stage lighting and sound, aircraft; a building's services by their system,
    # interrogation rooms, paint, soundproofing; a road raised a grade; a bridge loan from a lender,
    # a minimum return, bonds issued, asset-backed notes; a …员 outsourced; a completion filed
    ("派出所防暴盾牌购储", "goods"),
    ("社区卫生站常用药采买", "goods"),
    ("食堂餐具添配", "goods"),
    ("舞台灯光更换", "goods"),
    ("植保飞机", "goods"),
    ("活动室墙面刷漆", "construction"),
    ("宿舍热水系统改造", "construction"),
    ("讯问室隔音改造", "construction"),
    ("县道提档升级", "infrastructure"),
    ("银行贷款过桥", "financing"),
    ("承诺社会资本最低回报", "financing"),
    ("发行专项企业债券", "financing"),
    ("应收账款资产支持证券", "financing"),
    ("竣工验收备案", "direct_duties"),
    ("会议筹备", ""),
    ("数据采集", ""),
    ("老年配餐", ""),
    ("农业提质增效", ""),
    ("标准修订", ""),
    ("事项报备", ""),
    ("文艺采风", ""),
    # round twenty-eight (list 28's misses): a name that ends in a product named by its last
    # character, a thing equipped again; lanes, a thing of infrastructure added; a bond's or loan's
    # principal and interest, payment over a number of years; a certificate handled (办理). An exam
    # for a certificate is a service
    ("卫生院电动病床", "goods"),
    ("交警酒精测试仪", "goods"),
    ("机关公务用车重新配备", "goods"),
    ("村道错车道增设", "infrastructure"),
    ("城投债券还本付息", "financing"),
    ("分五年支付的工程款", "financing"),
    ("居住证办理", "direct_duties"),
    ("行政执法证件考试组织服务", ""),
    ("共享单车", ""),
    ("机关事务司机", ""),
    ("仪器校准服务", ""),
    # round twenty-nine (lists 29 and 30's misses): hardware systems of a hall or an imaging room, a
    # tablet display, a boat, goods brought in or laid out, a stock topped up (补购); a lift added,
    # leaks and climate worked on; a main street; interest for paying late; staff sent by a firm; the
    # fire-safety review and acceptance of a building
    ("办公楼电梯加装", "construction"),
    ("放射科影像系统引入", "goods"),
    ("政务大厅叫号系统", "goods"),
    ("教室智能平板", "goods"),
    ("救生艇补购", "goods"),
    ("急救设备铺设", "goods"),
    ("屋面渗漏治理", "construction"),
    ("档案库房温湿度改造", "construction"),
    ("主街道改造", "infrastructure"),
    ("逾期利息补偿", "financing"),
    ("由劳务公司派驻", "labour_dispatch"),
    ("消防验收", "direct_duties"),
    ("惠民补贴发放", ""),
    ("库房温湿度监测服务", ""),
    ("施工图审查验收咨询", ""),
]


@pytest.mark.parametrize("text, rule", KINDS_MENDED)
def test_a_round_reads_the_kind_not_the_word_it_was_shown(text, rule):
    assert [hit.key for hit in screen("", text)] == ([rule] if rule else [])


def test_the_held_out_cases_score_no_worse_than_reported():
    """Scored once when the rules last changed (bench/negative_list_bench.py): list 31, 66.7% of
    bans caught (24 of 36), no ordinary service warned (the earlier held-out lists have since joined
    the cases the rules are shaped on); a later change must not fall below that."""
    path = Path(__file__).parent / "data/negative-list-held-out.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    warned = {row["level3"]: bool(screen(row["level2"], row["level3"], "", row["description"])) for row in rows}
    bans = [warned[row["level3"]] for row in rows if row["expected"]]
    ordinary = [warned[row["level3"]] for row in rows if not row["expected"]]
    assert sum(bans) >= 24 and not any(ordinary)


@pytest.mark.parametrize("scheme", ["2014", "2020"])
def test_the_real_sample_items_with_the_demos_description_are_not_warned(scheme):
    """Names from published catalogues, described as the demo describes them (购买：<service>)."""
    path = Path(__file__).parents[2] / f"catalogue/data/sample-items-{scheme}.csv"
    for row in csv.DictReader(path.open(encoding="utf-8")):
        description = f"由云南省残疾人联合会向具备条件的社会力量购买：{row['level3']}。"
        assert screen(row.get("level2", ""), row["level3"], "", description) == [], row["level3"]
