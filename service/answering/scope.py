"""Scope checks before answering: places, zones and laws the notices do not cover, and injection attempts."""

from __future__ import annotations

import re

# Places outside the bundled notices' scope (Nanjing / Jiangsu). A place that the corpus itself mentions
# (e.g. 沈阳 in the 2023 preamble) is not treated as out of scope: see `out_of_scope_entity`.
_PLACES = {
    "北京": "Beijing", "上海": "Shanghai", "广州": "Guangzhou", "深圳": "Shenzhen", "杭州": "Hangzhou",
    "苏州": "Suzhou", "无锡": "Wuxi", "常州": "Changzhou", "南通": "Nantong", "徐州": "Xuzhou", "扬州": "Yangzhou",
    "成都": "Chengdu", "重庆": "Chongqing", "天津": "Tianjin", "武汉": "Wuhan", "西安": "Xi'an", "沈阳": "Shenyang",
    "青岛": "Qingdao", "厦门": "Xiamen", "宁波": "Ningbo", "合肥": "Hefei", "郑州": "Zhengzhou", "长沙": "Changsha",
    "大连": "Dalian", "济南": "Jinan", "福州": "Fuzhou", "昆明": "Kunming", "哈尔滨": "Harbin", "海口": "Haikou",
    "三亚": "Sanya", "珠海": "Zhuhai", "东莞": "Dongguan", "佛山": "Foshan",
    "浙江": "Zhejiang", "广东": "Guangdong", "山东": "Shandong", "福建": "Fujian", "海南": "Hainan", "四川": "Sichuan",
    "湖北": "Hubei", "湖南": "Hunan", "安徽": "Anhui", "河南": "Henan", "河北": "Hebei", "辽宁": "Liaoning",
    "浦东": "Pudong", "前海": "Qianhai", "雄安": "Xiong'an", "横琴": "Hengqin", "临港": "Lingang", "张江": "Zhangjiang",
    "苏州工业园区": "Suzhou Industrial Park", "海南自由贸易港": "Hainan Free Trade Port", "海南自贸港": "Hainan FTP",
    "新加坡": "Singapore", "东京": "Tokyo", "纽约": "New York", "伦敦": "London", "台北": "Taipei",
}
_LAWS = {
    "外商投资法": "Foreign Investment Law", "数据安全法": "Data Security Law",
    "个人信息保护法": "Personal Information Protection Law", "网络安全法": "Cybersecurity Law", "公司法": "Company Law",
    "劳动合同法": "Labor Contract Law", "民法典": "Civil Code",
    "反垄断法": "Anti-Monopoly Law", "出口管制法": "Export Control Law", "企业所得税法": "Enterprise Income Tax Law",
    "外汇管理条例": "Foreign Exchange Administration Regulations", "专利法": "Patent Law", "商标法": "Trademark Law",
}
_INJECTION = re.compile(
    r"ignore (all |any |the )?(previous|prior|above|earlier|preceding|your)? ?(instructions?|prompts?|rules?|context)"
    r"|disregard (all |the |your )?(previous|prior|above)?|system prompt|developer mode|jailbreak|you are now|act as\b"
    r"|pretend (to be|you are)|reveal (your|the) (prompt|instructions|secret)|print (your|the) (prompt|instructions)"
    r"|repeat (the|your) (text|words|instructions) above|new instructions?:|override|DAN\b"
    r"|忽略(以上|上述|之前|前面|所有|先前)?(的)?(所有)?(指令|指示|要求|规则|提示|内容|设定)|无视(以上|上述|之前)?|系统提示|提示词"
    r"|你现在是|扮演|越狱|输出(你的)?(指令|提示)|重复(以上|上面)(的)?(内容|指令)|开发者模式",
    re.I,
)
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/])")


def out_of_scope_entity(text: str, corpus_text: str) -> str | None:
    """A place, zone or law the question names that the notices do not cover, or None."""
    low = text.lower()
    for zh, en in _PLACES.items():
        if (zh in text or re.search(rf"\b{re.escape(en.lower())}\b", low)) and zh not in corpus_text:
            return en
    for zh, en in _LAWS.items():
        if (zh in text or en.lower() in low) and zh not in corpus_text:
            return en
    m = re.search(r"《([^》]{2,30})》", text)
    if m and m.group(1) not in corpus_text:
        return m.group(1)
    return None


def strip_injection(text: str) -> tuple[str, bool]:
    """Remove instruction-like sentences (and opaque base64 blobs); return (remaining text, was_injection)."""
    found = bool(_INJECTION.search(text) or _BASE64.search(text))
    if not found:
        return text, False
    parts = re.split(r"(?<=[。！？!?.;；，,：:\n])", text)
    kept = [p for p in parts if not _INJECTION.search(p)]
    remaining = _BASE64.sub(" ", "".join(kept)).strip()
    return remaining, True
