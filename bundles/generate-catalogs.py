#!/usr/bin/env python3
"""Writes the matter catalogs of the department plug-ins (A17, A15, A26) and of the hall's catalog
bundle (every other unit), so each unit offers exactly its 'entering' matter count.

Run from the repository root:  python3 bundles/generate-catalogs.py ../shared/hall-data
The output is committed. The hall's plan lists only how many matters each unit brings into the
hall; where a matter's own name is not known here, the entry is a numbered catalog slot
("...（目录第N项）", "slot": true) with placeholder values, to be replaced by the unit's published list
(e.g. by loading its spreadsheet, docs/catalog.md). A slot claims nothing: it is not immediate, not
online and not at-most-one-trip, and its committed days equal the statutory placeholder (no speed-up).
"""
import json
import os
import sys

ID = {"name": "申请人居民身份证", "kind": "MAIN", "note": "原件"}
FORM = {"name": "申请表", "kind": "MAIN", "note": "现场填写或网上填报"}
PHOTO = {"name": "近期免冠彩色照片", "kind": "MAIN", "note": "现场采集的可免交"}
HUKOU = {"name": "居民户口簿", "kind": "MAIN", "note": "原件"}


def m(code, zh, en, typ, materials, statutory, committed, fee="0", immediate=False, online=False, one_trip=True, steps=(), slot=False):
    entry = {"code": code, "nameZh": zh, "nameEn": en, "type": typ, "materials": materials,
             "statutoryDays": statutory, "committedDays": committed, "immediate": immediate, "online": online,
             "atMostOneTrip": one_trip, "fee": fee, "specialSteps": list(steps)}
    if slot:
        entry["slot"] = True
    return entry


LIC, CONF, PAY, OTHER, SERVICE = "ADMINISTRATIVE_LICENSE", "ADMINISTRATIVE_CONFIRMATION", "ADMINISTRATIVE_PAYMENT", "OTHER_POWER", "PUBLIC_SERVICE"

POLICE = [
    m("A17-001", "普通护照签发", "Ordinary passport issuance", LIC, [ID, PHOTO, {"name": "国家工作人员出国（境）审批备案证明", "kind": "TOLERABLE", "note": "登记备案的国家工作人员提交"}], 15, 7, "120"),
    m("A17-002", "往来港澳通行证签发", "Exit-entry permit for Hong Kong and Macao", LIC, [ID, PHOTO], 15, 7, "60"),
    m("A17-003", "往来台湾通行证签发", "Exit-entry permit for Taiwan", LIC, [ID, PHOTO], 15, 7, "60"),
    m("A17-004", "往来港澳通行证团队旅游签注", "Group-tour endorsement for Hong Kong and Macao", LIC, [ID, {"name": "往来港澳通行证", "kind": "MAIN", "note": "原件"}], 1, 0, "15", immediate=True, online=True),
    m("A17-005", "居民身份证首次申领", "First application for a resident identity card", CONF, [HUKOU, PHOTO], 60, 20, "20"),
    m("A17-006", "居民身份证换领", "Renewal of a resident identity card", CONF, [{"name": "原居民身份证", "kind": "MAIN", "note": "原件"}, PHOTO, {"name": "居民户口簿", "kind": "TOLERABLE", "note": "信息变更时提交"}], 60, 20, "20"),
    m("A17-007", "居民身份证补领", "Replacement of a lost resident identity card", CONF, [HUKOU, PHOTO], 60, 20, "40"),
    m("A17-008", "临时居民身份证核发", "Temporary resident identity card", CONF, [HUKOU, PHOTO], 3, 0, "10", immediate=True),
    m("A17-009", "出生登记", "Birth registration", CONF, [{"name": "出生医学证明", "kind": "MAIN", "note": "原件"}, {"name": "父母居民身份证", "kind": "MAIN", "note": "原件"}, HUKOU, {"name": "父母结婚证", "kind": "TOLERABLE", "note": "原件"}], 1, 0, immediate=True),
    m("A17-010", "户口迁移（准予迁入）", "Household registration transfer (admission)", CONF, [ID, HUKOU, {"name": "合法稳定住所证明（房屋所有权证明）", "kind": "MAIN", "note": "复印件一份，验原件"}, {"name": "户口迁移证明", "kind": "TOLERABLE", "note": "跨省迁入时提交"}], 20, 5),
    m("A17-011", "死亡人员户口注销", "Deregistration of a deceased person's household registration", CONF, [{"name": "居民死亡医学证明（推断）书或火化证明", "kind": "MAIN", "note": "原件"}, HUKOU, {"name": "死者居民身份证", "kind": "TOLERABLE", "note": "有证的交回"}], 1, 0, immediate=True),
    m("A17-012", "机动车注册登记", "Motor vehicle registration", CONF, [ID, {"name": "机动车销售统一发票", "kind": "MAIN", "note": "原件"}, {"name": "机动车整车出厂合格证明", "kind": "MAIN", "note": "原件"}, {"name": "机动车交通事故责任强制保险凭证", "kind": "MAIN", "note": "电子保单可免交"}, {"name": "车辆购置税完税证明", "kind": "TOLERABLE", "note": "系统可核查的免交"}], 2, 1),
    m("A17-013", "机动车转移登记", "Motor vehicle ownership transfer", CONF, [ID, {"name": "机动车登记证书", "kind": "MAIN", "note": "原件"}, {"name": "机动车行驶证", "kind": "MAIN", "note": "原件"}, {"name": "二手车销售统一发票", "kind": "MAIN", "note": "原件"}], 1, 0, immediate=True),
    m("A17-014", "机动车驾驶证有效期满换证", "Driving licence renewal on expiry", CONF, [ID, {"name": "机动车驾驶证", "kind": "MAIN", "note": "原件"}, {"name": "机动车驾驶人身体条件证明", "kind": "MAIN", "note": "医疗机构出具，互联网已提交的免交"}], 1, 0, "10", immediate=True, online=True),
    m("A17-015", "机动车驾驶证遗失补证", "Replacement of a lost driving licence", CONF, [ID], 1, 0, "10", immediate=True, online=True),
    m("A17-016", "机动车检验合格标志核发", "Vehicle inspection mark", CONF, [{"name": "机动车行驶证", "kind": "MAIN", "note": "原件"}, {"name": "机动车交通事故责任强制保险凭证", "kind": "MAIN", "note": "电子保单可免交"}, {"name": "机动车安全技术检验报告", "kind": "MAIN", "note": "检验机构出具"}], 1, 0, immediate=True, online=True),
    m("A17-017", "道路交通安全违法行为处理", "Handling of road traffic violations", OTHER, [ID, {"name": "机动车驾驶证", "kind": "MAIN", "note": "原件"}], 1, 0, immediate=True, online=True),
    m("A17-018", "旅馆业特种行业许可证核发", "Special trade licence for hotels", LIC, [FORM, {"name": "营业执照", "kind": "MAIN", "note": "复印件"}, {"name": "法定代表人身份证明", "kind": "MAIN", "note": "复印件"}, {"name": "经营场所产权或租赁证明", "kind": "MAIN", "note": "复印件"}, {"name": "消防安全检查合格证明", "kind": "TOLERABLE", "note": "可在决定前补交"}], 20, 10, steps=["SITE_SURVEY"]),
    m("A17-019", "公章刻制业特种行业许可证核发", "Special trade licence for seal engraving", LIC, [FORM, {"name": "营业执照", "kind": "MAIN", "note": "复印件"}, {"name": "经营场所产权或租赁证明", "kind": "MAIN", "note": "复印件"}, {"name": "治安保卫制度", "kind": "TOLERABLE", "note": "可在决定前补交"}], 20, 10, steps=["SITE_SURVEY"]),
    m("A17-020", "大型群众性活动安全许可", "Safety licence for large public events", LIC, [FORM, {"name": "活动安全工作方案", "kind": "MAIN", "note": "原件"}, {"name": "场所管理者同意使用证明", "kind": "MAIN", "note": "原件"}, {"name": "承办者合法成立证明", "kind": "MAIN", "note": "复印件"}], 7, 5, steps=["SITE_SURVEY"]),
    m("A17-021", "剧毒化学品购买许可证核发", "Purchase licence for highly toxic chemicals", LIC, [FORM, {"name": "营业执照或单位登记证书", "kind": "MAIN", "note": "复印件"}, {"name": "购买用途说明", "kind": "MAIN", "note": "原件"}, {"name": "经办人身份证明", "kind": "MAIN", "note": "复印件"}], 3, 2),
    m("A17-022", "烟花爆竹道路运输许可证核发", "Road transport permit for fireworks", LIC, [FORM, {"name": "承运人从事危险货物运输资质证明", "kind": "MAIN", "note": "复印件"}, {"name": "驾驶员、押运员资格证明", "kind": "MAIN", "note": "复印件"}, {"name": "购销合同", "kind": "MAIN", "note": "复印件"}], 3, 2),
    m("A17-023", "保安服务公司设立许可", "Licence to establish a security service company", LIC, [FORM, {"name": "拟任保安服务公司法定代表人和主要管理人员身份证明", "kind": "MAIN", "note": "复印件"}, {"name": "注册资本证明", "kind": "MAIN", "note": "原件"}, {"name": "保安服务公司章程", "kind": "MAIN", "note": "原件"}, {"name": "组织机构和保安服务管理制度", "kind": "TOLERABLE", "note": "可在决定前补交"}], 20, 15, steps=["SITE_SURVEY"]),
    m("A17-024", "无犯罪记录证明开具", "Certificate of no criminal record", SERVICE, [ID, {"name": "用途说明或单位介绍信", "kind": "TOLERABLE", "note": "原件"}], 3, 1, online=True),
    m("A17-025", "户籍证明开具", "Household registration certificate", SERVICE, [ID, HUKOU], 1, 0, immediate=True, online=True),
]

RE_ID = {"name": "申请人身份证明", "kind": "MAIN", "note": "原件"}
RE_FORM = {"name": "不动产登记申请书", "kind": "MAIN", "note": "现场填写"}
RE_CERT = {"name": "不动产权属证书", "kind": "MAIN", "note": "原件"}
REAL_ESTATE = [
    m("A15-001", "国有建设用地使用权及房屋所有权转移登记（存量房买卖）", "Transfer registration of a resold home", CONF, [RE_FORM, RE_ID, RE_CERT, {"name": "存量房买卖合同", "kind": "MAIN", "note": "原件"}, {"name": "契税完税凭证", "kind": "MAIN", "note": "税务部门共享的免交"}, {"name": "婚姻状况证明", "kind": "TOLERABLE", "note": "可在登簿前补交"}], 30, 5, "80"),
    m("A15-002", "国有建设用地使用权及房屋所有权转移登记（商品房买卖）", "Transfer registration of a new home", CONF, [RE_FORM, RE_ID, {"name": "商品房买卖合同", "kind": "MAIN", "note": "备案合同"}, {"name": "契税完税凭证", "kind": "MAIN", "note": "税务部门共享的免交"}, {"name": "首次登记证明", "kind": "TOLERABLE", "note": "开发企业提供"}], 30, 3, "80"),
    m("A15-003", "国有建设用地使用权及房屋所有权首次登记", "First registration of land use right and building ownership", CONF, [RE_FORM, RE_ID, {"name": "土地权属来源证明", "kind": "MAIN", "note": "原件"}, {"name": "建设工程符合规划的材料", "kind": "MAIN", "note": "原件"}, {"name": "房屋已竣工的材料", "kind": "MAIN", "note": "原件"}, {"name": "不动产调查成果", "kind": "MAIN", "note": "测绘机构出具"}], 30, 10, "80", steps=["SITE_SURVEY", "MAPPING"]),
    m("A15-004", "抵押权首次登记", "First registration of a mortgage", CONF, [RE_FORM, RE_ID, RE_CERT, {"name": "主债权合同", "kind": "MAIN", "note": "原件"}, {"name": "抵押合同", "kind": "MAIN", "note": "原件"}], 30, 3, "80", online=True),
    m("A15-005", "抵押权注销登记", "Cancellation of a mortgage", CONF, [RE_FORM, RE_ID, {"name": "不动产登记证明", "kind": "MAIN", "note": "原件"}, {"name": "抵押权消灭的材料", "kind": "MAIN", "note": "原件"}], 30, 1, online=True),
    m("A15-006", "预购商品房预告登记", "Advance notice registration of a pre-sold home", CONF, [RE_FORM, RE_ID, {"name": "已备案的商品房预售合同", "kind": "MAIN", "note": "原件"}], 30, 3),
    m("A15-007", "不动产变更登记（权利人姓名、名称、身份证明号码变更）", "Change registration (owner's name or ID number)", CONF, [RE_FORM, RE_ID, RE_CERT, {"name": "变更的证明材料", "kind": "MAIN", "note": "原件"}], 30, 3),
    m("A15-008", "不动产更正登记", "Correction registration", CONF, [RE_FORM, RE_ID, RE_CERT, {"name": "证实登记确有错误的材料", "kind": "MAIN", "note": "原件"}], 30, 10),
    m("A15-009", "不动产异议登记", "Objection registration", CONF, [RE_FORM, RE_ID, {"name": "证实对登记的不动产权利有利害关系的材料", "kind": "MAIN", "note": "原件"}], 30, 1),
    m("A15-010", "不动产查封登记", "Seizure registration", CONF, [{"name": "人民法院工作人员工作证", "kind": "MAIN", "note": "原件"}, {"name": "协助执行通知书", "kind": "MAIN", "note": "原件"}, {"name": "查封裁定书", "kind": "MAIN", "note": "原件"}], 1, 0, immediate=True),
    m("A15-011", "不动产权证书补证", "Replacement of a lost title certificate", CONF, [RE_FORM, RE_ID, {"name": "遗失声明", "kind": "MAIN", "note": "登记机构门户网站公告15个工作日"}], 30, 20, "10"),
    m("A15-012", "不动产登记资料查询", "Search of real estate registration records", SERVICE, [RE_ID, {"name": "查询申请书", "kind": "MAIN", "note": "现场填写"}], 1, 0, immediate=True, online=True),
    m("A15-013", "不动产继承转移登记", "Transfer registration by inheritance", CONF, [RE_FORM, RE_ID, RE_CERT, {"name": "继承公证书或继承权证明材料", "kind": "MAIN", "note": "原件"}, {"name": "被继承人死亡证明", "kind": "MAIN", "note": "原件"}], 30, 10, "80"),
    m("A15-014", "宅基地使用权及房屋所有权首次登记", "First registration of a rural homestead and house", CONF, [RE_FORM, RE_ID, {"name": "宅基地批准文件", "kind": "MAIN", "note": "原件"}, {"name": "房屋符合规划或建设的相关材料", "kind": "MAIN", "note": "原件"}, {"name": "不动产调查成果", "kind": "MAIN", "note": "测绘机构出具"}], 30, 15, steps=["SITE_SURVEY", "MAPPING"]),
    m("A15-015", "地役权首次登记", "First registration of an easement", CONF, [RE_FORM, RE_ID, {"name": "地役权合同", "kind": "MAIN", "note": "原件"}, {"name": "需役地和供役地的不动产权属证书", "kind": "MAIN", "note": "原件"}], 30, 10, "80"),
]

PF_ID = {"name": "职工本人居民身份证", "kind": "MAIN", "note": "原件"}
PF_CARD = {"name": "本人名下银行卡", "kind": "MAIN", "note": "原件"}
PROVIDENT = [
    m("A26-001", "住房公积金提取（购买自住住房）", "Provident fund withdrawal to buy a home", PAY, [PF_ID, PF_CARD, {"name": "购房合同及购房发票", "kind": "MAIN", "note": "原件"}, {"name": "配偶身份证明及婚姻关系证明", "kind": "TOLERABLE", "note": "配偶共同提取时提交"}], 3, 0, immediate=True, online=True),
    m("A26-002", "住房公积金提取（租赁住房）", "Provident fund withdrawal to pay rent", PAY, [PF_ID, PF_CARD, {"name": "本人及配偶在本市无自有住房的承诺", "kind": "MAIN", "note": "现场签署"}], 3, 0, immediate=True, online=True),
    m("A26-003", "住房公积金提取（离休、退休）", "Provident fund withdrawal on retirement", PAY, [PF_ID, PF_CARD, {"name": "离退休证明", "kind": "TOLERABLE", "note": "社保系统可核查的免交"}], 3, 0, immediate=True, online=True),
    m("A26-004", "住房公积金提取（偿还购房贷款本息）", "Provident fund withdrawal to repay a home loan", PAY, [PF_ID, PF_CARD, {"name": "借款合同", "kind": "MAIN", "note": "复印件"}, {"name": "贷款银行出具的还款明细", "kind": "MAIN", "note": "原件"}], 3, 0, immediate=True, online=True),
    m("A26-005", "住房公积金提取（与单位终止劳动关系）", "Provident fund withdrawal after leaving employment", PAY, [PF_ID, PF_CARD, {"name": "解除或终止劳动关系证明", "kind": "MAIN", "note": "原件"}], 5, 3, online=True),
    m("A26-006", "住房公积金个人住房贷款", "Provident fund home loan", PAY, [PF_ID, {"name": "婚姻状况证明", "kind": "MAIN", "note": "原件"}, {"name": "购房合同", "kind": "MAIN", "note": "原件"}, {"name": "首付款证明", "kind": "MAIN", "note": "原件"}, {"name": "收入证明", "kind": "TOLERABLE", "note": "可在审批前补交"}], 15, 10),
    m("A26-007", "住房公积金单位缴存登记", "Employer registration for the provident fund", SERVICE, [{"name": "营业执照或单位登记证书", "kind": "MAIN", "note": "复印件"}, {"name": "经办人居民身份证", "kind": "MAIN", "note": "原件"}, {"name": "住房公积金单位缴存登记表", "kind": "MAIN", "note": "加盖公章"}], 1, 0, immediate=True, online=True),
    m("A26-008", "住房公积金个人账户设立", "Opening a personal provident fund account", SERVICE, [PF_ID, {"name": "单位汇缴变更清册", "kind": "MAIN", "note": "加盖公章"}], 1, 0, immediate=True, online=True),
    m("A26-009", "住房公积金异地转移接续", "Transfer of a provident fund account from another city", SERVICE, [PF_ID, {"name": "异地转移接续申请表", "kind": "MAIN", "note": "现场填写"}], 15, 5, online=True),
    m("A26-010", "住房公积金缴存基数调整", "Adjustment of the contribution base", SERVICE, [{"name": "缴存基数调整清册", "kind": "MAIN", "note": "加盖公章"}, {"name": "经办人居民身份证", "kind": "MAIN", "note": "原件"}], 1, 0, immediate=True, online=True),
    m("A26-011", "住房公积金缴存证明开具", "Certificate of provident fund contributions", SERVICE, [PF_ID], 1, 0, immediate=True, online=True),
    m("A26-012", "住房公积金贷款提前还款", "Early repayment of a provident fund loan", SERVICE, [PF_ID, {"name": "借款合同", "kind": "MAIN", "note": "复印件"}], 1, 0, immediate=True, online=True),
]

PLUGINS = {"A17": POLICE, "A15": REAL_ESTATE, "A26": PROVIDENT}


def slots(unit, start, count):
    kind = SERVICE if unit["kind"] == "public-service-unit" else OTHER
    out = []
    for n in range(start, start + count):
        out.append(m(f"{unit['id']}-{n:03d}", f"{unit['name_zh']}政务服务事项（目录第{n}项）",
                     f"{unit['name_en']}: catalog entry {n} (placeholder)", kind, [ID, FORM], 20, 20,
                     one_trip=False, slot=True))
    return out


def write(path, catalog):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(data_dir):
    units = json.load(open(os.path.join(data_dir, "departments.json"), encoding="utf-8"))["departments"]
    hall = []
    for unit in units:
        if unit["id"] in PLUGINS:
            detailed = PLUGINS[unit["id"]]
            matters = detailed + slots(unit, len(detailed) + 1, unit["entering_matters"] - len(detailed))
            write(f"bundles/org.onedoor.dept.{unit['id'].lower()}/src/main/resources/onedoor/matters.json",
                  {"format": "onedoor-catalog/1", "department": unit["id"], "matters": matters})
        else:
            for matter in slots(unit, 1, unit["entering_matters"]):
                matter["departmentId"] = unit["id"]
                hall.append(matter)
    write("bundles/org.onedoor.catalog.hall/src/main/resources/onedoor/matters.json",
          {"format": "onedoor-catalog/1", "matters": hall})
    covered = [u["id"] for u in units if u["id"] not in PLUGINS]
    with open("bundles/org.onedoor.catalog.hall/departments.txt", "w", encoding="utf-8") as f:
        f.write(",".join(covered) + "\n")
    detailed = sum(len(v) for v in PLUGINS.values())
    print(len(hall), "hall catalog entries for", len(covered), "units;", detailed, "described matters,",
          sum(u["entering_matters"] for u in units) - detailed, "slots")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/hall-data")
