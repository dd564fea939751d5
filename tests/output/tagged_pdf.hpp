#pragma once
// Helpers of the tagged-PDF tests (tags_test.cpp): the PDF read back through qpdf --json=2, not
// through zapros's own structures; its content streams walked operator by operator; its
// structure tree checked against the rules of ISO 32000-1 §14.6–14.8 and PDF/UA-1 (veraPDF
// PDFUA-1 rule IDs in the messages), and shown as an indented-free one-line dump.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "json.hpp"
#include "support.hpp"

namespace zapros::test::tagged {

namespace fs = std::filesystem;

inline std::string base64(const std::string& in) {
    static const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int n = 0;
    for (char c : in) {
        const auto d = digits.find(c);
        if (d == std::string::npos) continue;  // '=' and line breaks
        bits = (bits << 6) | static_cast<unsigned>(d), n += 6;
        if (n >= 8) n -= 8, out += static_cast<char>((bits >> n) & 0xFF);
    }
    return out;
}

// A PDF's objects as qpdf --json=2 gives them ("3 0 R" → value), with streams decoded.
struct Pdf {
    std::map<std::string, Json> objects;
    std::map<std::string, std::string> streams;
    Json trailer;
    std::vector<std::string> pages;  // page object refs in order

    const Json& at(const std::string& ref) const {
        const auto it = objects.find(ref);
        if (it == objects.end()) FAIL("no object " << ref);
        return it->second;  // (FAIL throws)
    }
    // A value, followed if it is a reference.
    const Json& get(const Json& v) const { return v.kind == Json::Kind::string && is_ref(v.s) ? at(v.s) : v; }
    static bool is_ref(const std::string& s) { return s.size() > 2 && s.compare(s.size() - 2, 2, " R") == 0 && s[0] >= '0' && s[0] <= '9'; }
    const Json& catalog() const { return get(trailer["/Root"]); }
};

inline Pdf read(const fs::path& file) {
    const auto r = test::run({"qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", file.string()});
    REQUIRE(r.status == 0);
    const Json j = parse_json(r.out);
    Pdf pdf;
    for (const auto& [key, v] : j["qpdf"].a.at(1).o) {
        if (key == "trailer") {
            pdf.trailer = v["value"];
            continue;
        }
        const std::string ref = key.substr(4);  // "obj:"
        if (v.has("stream")) {
            pdf.objects[ref] = v["stream"]["dict"];
            pdf.streams[ref] = base64(v["stream"]["data"].s);
        } else {
            pdf.objects[ref] = v["value"];
        }
    }
    std::vector<std::string> todo{pdf.catalog()["/Pages"].s};
    std::function<void(const std::string&)> walk = [&](const std::string& ref) {
        const Json& node = pdf.at(ref);
        if (node["/Type"].s == "/Page") return pdf.pages.push_back(ref);
        for (const Json& kid : node["/Kids"].a) walk(kid.s);
    };
    walk(pdf.catalog()["/Pages"].s);
    return pdf;
}

// What a page's content stream marks: each MCID sequence's MCID and tag in order, the artifact
// kinds, and how many drawing operators sit outside any of them.
struct Marks {
    std::vector<std::pair<int, std::string>> mcids;  // (MCID, tag) in content order
    std::vector<std::string> artifacts;             // "/Layout", "/Pagination", "BMC" (no properties)
    std::map<int, std::string> drawn;               // MCID → its drawing operators ("TJ TJ", "Do")
    std::vector<std::string> drawn_in_artifacts;    // per artifact
    std::vector<std::string> problems;
};

inline Marks marks(const std::string& content) {
    Marks m;
    struct Open {
        std::string tag;
        int mcid = -1;
        bool artifact = false;
        bool in_bt = false;
        int q = 0;
    };
    std::vector<Open> stack;
    std::vector<std::string> operands;
    bool in_bt = false;
    int q = 0;
    auto problem = [&](const std::string& p) { m.problems.push_back(p); };
    auto draw = [&](const std::string& op) {
        int mcid = -1;
        int artifact = -1;
        for (std::size_t i = stack.size(); i-- > 0;) {
            if (stack[i].mcid >= 0 && mcid < 0) mcid = stack[i].mcid;
            if (stack[i].artifact && artifact < 0) artifact = static_cast<int>(i);
        }
        if (mcid >= 0) m.drawn[mcid] += (m.drawn[mcid].empty() ? "" : " ") + op;
        else if (artifact >= 0) m.drawn_in_artifacts.back() += (m.drawn_in_artifacts.back().empty() ? "" : " ") + op;
        else problem(op + " outside marked content (PDFUA-1 7.1-3)");
    };
    std::size_t i = 0;
    const std::string& s = content;
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
        std::string tok;
        if (c == '(') {  // a literal string, with escapes and nested parentheses
            int depth = 0;
            std::size_t j = i;
            for (; j < s.size(); ++j) {
                if (s[j] == '\\') { ++j; continue; }
                if (s[j] == '(') ++depth;
                if (s[j] == ')' && --depth == 0) break;
            }
            tok = s.substr(i, j + 1 - i), i = j + 1;
        } else if (s.compare(i, 2, "<<") == 0 || s.compare(i, 2, ">>") == 0) {
            tok = s.substr(i, 2), i += 2;
        } else if (c == '<') {
            const std::size_t j = s.find('>', i);
            tok = s.substr(i, j + 1 - i), i = j + 1;
        } else if (c == '[' || c == ']') {
            tok = std::string(1, c), ++i;
        } else {
            std::size_t j = i + 1;
            while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && std::string("()<>[]/").find(s[j]) == std::string::npos) ++j;
            tok = s.substr(i, j - i), i = j;
        }
        const bool op = std::isalpha(static_cast<unsigned char>(tok[0])) || tok == "'" || tok == "\"";
        if (!op) { operands.push_back(tok); continue; }
        if (tok == "BT") {
            if (in_bt) problem("BT inside BT");
            in_bt = true;
        } else if (tok == "ET") {
            for (const Open& o : stack)
                if (o.in_bt) problem("ET inside a sequence begun after BT");
            in_bt = false;
        } else if (tok == "q") {
            ++q;
        } else if (tok == "Q") {
            for (const Open& o : stack)
                if (o.q == q) problem("Q inside a sequence begun after q");
            --q;
        } else if (tok == "BDC" || tok == "BMC") {
            Open o;
            o.tag = operands.empty() ? "" : operands.front();
            o.in_bt = in_bt, o.q = q;
            for (std::size_t k = 0; k + 1 < operands.size(); ++k)
                if (operands[k] == "/MCID") o.mcid = std::stoi(operands[k + 1]);
            o.artifact = o.tag == "/Artifact";
            bool inside_mcid = false, inside_artifact = false;
            for (const Open& outer : stack) inside_mcid |= outer.mcid >= 0, inside_artifact |= outer.artifact;
            if (o.mcid >= 0 && (inside_mcid || inside_artifact)) problem("MCID " + std::to_string(o.mcid) + " inside marked content (PDFUA-1 7.1-1/2)");
            if (o.artifact && (inside_mcid || inside_artifact)) problem("artifact inside marked content (PDFUA-1 7.1-1/2)");
            if (o.mcid >= 0) m.mcids.emplace_back(o.mcid, o.tag);
            if (o.artifact) {
                std::string type = "BMC";
                for (std::size_t k = 0; k + 1 < operands.size(); ++k)
                    if (operands[k] == "/Type") type = operands[k + 1];
                m.artifacts.push_back(type);
                m.drawn_in_artifacts.emplace_back();
            }
            stack.push_back(o);
        } else if (tok == "EMC") {
            if (stack.empty()) problem("EMC without BDC");
            else if (stack.back().in_bt != in_bt || stack.back().q != q) problem("EMC not nested with BT/ET or q/Q");
            if (!stack.empty()) stack.pop_back();
        } else if (tok == "TJ" || tok == "Tj" || tok == "'" || tok == "\"" || tok == "Do" || tok == "f" || tok == "S") {
            draw(tok);
        }
        operands.clear();
    }
    if (!stack.empty()) problem("sequences left open at the end");
    if (in_bt) problem("BT left open");
    return m;
}

// A page's content (its one stream, or its array of streams joined).
inline std::string content(const Pdf& pdf, const std::string& page) {
    const Json& c = pdf.at(page)["/Contents"];
    std::string out;
    if (c.kind == Json::Kind::array)
        for (const Json& ref : c.a) out += pdf.streams.at(ref.s) + "\n";
    else
        out = pdf.streams.at(c.s);
    return out;
}

// The structure tree as read from the PDF: a one-line dump (an element's /S and its kids in
// /K order: "0:3" is MCID 3 on the first page, "objr0" an OBJR to an annotation on it), which
// element holds each MCID and OBJR, and every element's object.
struct Tree {
    std::string dump;
    std::map<std::pair<std::size_t, int>, std::string> mcid_owner;  // (page, MCID) → element
    std::map<std::string, std::string> objr_owner;                  // annotation → element
    std::vector<std::string> elements;
    std::vector<std::string> problems;
};

inline std::size_t page_index(const Pdf& pdf, const std::string& ref) {
    for (std::size_t i = 0; i < pdf.pages.size(); ++i)
        if (pdf.pages[i] == ref) return i;
    FAIL("not a page: " << ref);
    return 0;
}

inline Tree tree(const Pdf& pdf) {
    Tree t;
    const Json& root_ref = pdf.catalog()["/StructTreeRoot"];
    const Json& root = pdf.get(root_ref);
    std::function<void(const std::string&, const std::string&)> element = [&](const std::string& ref, const std::string& parent) {
        const Json& e = pdf.at(ref);
        t.elements.push_back(ref);
        if (!e.has("/P") || e["/P"].s != parent) t.problems.push_back(ref + ": /P is not its parent (PDFUA-1 7.1-12)");
        t.dump += e["/S"].s.substr(1) + "[";
        const std::string pg = e.has("/Pg") ? e["/Pg"].s : "";
        std::vector<Json> kids;
        if (e.has("/K")) {
            if (e["/K"].kind == Json::Kind::array) kids = e["/K"].a;
            else kids.push_back(e["/K"]);
        }
        bool first = true;
        for (const Json& kid : kids) {
            if (!first) t.dump += ' ';
            first = false;
            if (kid.kind == Json::Kind::number) {
                if (pg.empty()) t.problems.push_back(ref + ": an MCID without /Pg");
                const std::pair<std::size_t, int> at{page_index(pdf, pg), static_cast<int>(kid.n)};
                if (!t.mcid_owner.emplace(at, ref).second) t.problems.push_back("MCID reached twice");
                t.dump += std::to_string(at.first) + ':' + std::to_string(at.second);
            } else if (kid.kind == Json::Kind::object && kid["/Type"].s == "/MCR") {
                const std::pair<std::size_t, int> at{page_index(pdf, kid["/Pg"].s), static_cast<int>(kid["/MCID"].n)};
                if (kid["/Pg"].s == pg) t.problems.push_back(ref + ": an MCR on the element's own page");
                if (!t.mcid_owner.emplace(at, ref).second) t.problems.push_back("MCID reached twice");
                t.dump += std::to_string(at.first) + ':' + std::to_string(at.second);
            } else if (kid.kind == Json::Kind::object && kid["/Type"].s == "/OBJR") {
                if (!t.objr_owner.emplace(kid["/Obj"].s, ref).second) t.problems.push_back("annotation reached twice");
                t.dump += "objr" + std::to_string(page_index(pdf, kid["/Pg"].s));
            } else {
                element(kid.s, ref);
            }
        }
        t.dump += "]";
    };
    const Json& k = root["/K"];
    element(k.kind == Json::Kind::array ? k.a.at(0).s : k.s, root_ref.s);
    return t;
}

// The entries of a number tree (/Nums) or name tree (/Names), through /Kids.
inline std::map<std::string, Json> entries(const Pdf& pdf, const Json& node, const char* key) {
    std::map<std::string, Json> out;
    const Json& n = pdf.get(node);
    if (n.has(key))
        for (std::size_t i = 0; i + 1 < n[key].a.size(); i += 2) {
            const Json& k = n[key].a[i];
            out.emplace(k.kind == Json::Kind::number ? std::to_string(static_cast<long>(k.n)) : k.s, n[key].a[i + 1]);
        }
    if (n.has("/Kids"))
        for (const Json& kid : n["/Kids"].a) out.merge(entries(pdf, kid, key));
    return out;
}

// Every rule the tagged PDF must keep, checked from the file; the problems found.
inline std::vector<std::string> check(const Pdf& pdf) {
    std::vector<std::string> problems;
    const Json& cat = pdf.catalog();
    if (!cat.has("/MarkInfo") || !pdf.get(cat["/MarkInfo"])["/Marked"].b) problems.push_back("no /MarkInfo /Marked true (PDFUA-1 6.2-1)");
    if (!cat.has("/StructTreeRoot")) return problems.push_back("no /StructTreeRoot (PDFUA-1 7.1-11)"), problems;
    const Tree t = tree(pdf);
    problems.insert(problems.end(), t.problems.begin(), t.problems.end());
    const Json& root = pdf.get(cat["/StructTreeRoot"]);
    const auto parents = entries(pdf, root["/ParentTree"], "/Nums");
    long max_key = -1;
    for (const auto& [key, v] : parents) max_key = std::max(max_key, std::stol(key));
    if (root["/ParentTreeNextKey"].n <= max_key) problems.push_back("ParentTreeNextKey not past every key");
    std::size_t reached = 0;
    for (std::size_t p = 0; p < pdf.pages.size(); ++p) {
        const Json& page = pdf.at(pdf.pages[p]);
        const Marks m = marks(content(pdf, pdf.pages[p]));
        for (const std::string& x : m.problems) problems.push_back("page " + std::to_string(p) + ": " + x);
        for (std::size_t i = 0; i < m.mcids.size(); ++i)
            if (m.mcids[i].first != static_cast<int>(i)) problems.push_back("page " + std::to_string(p) + ": MCIDs not 0…n−1 in order");
        if (!page.has("/StructParents")) {
            if (!m.mcids.empty()) problems.push_back("page " + std::to_string(p) + ": MCIDs but no /StructParents");
            continue;
        }
        const auto it = parents.find(std::to_string(static_cast<long>(page["/StructParents"].n)));
        if (it == parents.end()) {
            problems.push_back("page " + std::to_string(p) + ": not in the ParentTree");
            continue;
        }
        const Json& array = pdf.get(it->second);
        if (array.a.size() != m.mcids.size()) problems.push_back("page " + std::to_string(p) + ": ParentTree array of another length");
        for (const auto& [mcid, tag] : m.mcids) {
            const auto owner = t.mcid_owner.find({p, mcid});
            if (owner == t.mcid_owner.end()) {
                problems.push_back("page " + std::to_string(p) + ": MCID " + std::to_string(mcid) + " in no element");
                continue;
            }
            ++reached;
            if (static_cast<std::size_t>(mcid) >= array.a.size() || array.a[static_cast<std::size_t>(mcid)].s != owner->second)
                problems.push_back("page " + std::to_string(p) + ": ParentTree[MCID " + std::to_string(mcid) + "] is not its element");
            if (pdf.at(owner->second)["/S"].s != tag) problems.push_back("page " + std::to_string(p) + ": tag " + tag + " is not its element's /S");
        }
        if (page.has("/Annots") && !page["/Annots"].a.empty() && page["/Tabs"].s != "/S")
            problems.push_back("page " + std::to_string(p) + ": annotations without /Tabs /S (PDFUA-1 7.18.3-1)");
        if (!page.has("/Annots")) continue;
        for (const Json& a : page["/Annots"].a) {
            const Json& annot = pdf.at(a.s);
            const auto owner = t.objr_owner.find(a.s);
            if (owner == t.objr_owner.end()) problems.push_back(a.s + ": a link with no OBJR (PDFUA-1 7.18.5-1)");
            if (!annot.has("/Contents") || annot["/Contents"].s.size() <= 2) problems.push_back(a.s + ": no /Contents (PDFUA-1 7.18.5-2)");
            if (!annot.has("/StructParent")) {
                problems.push_back(a.s + ": no /StructParent");
                continue;
            }
            const auto sp = parents.find(std::to_string(static_cast<long>(annot["/StructParent"].n)));
            if (sp == parents.end() || owner == t.objr_owner.end() || sp->second.s != owner->second)
                problems.push_back(a.s + ": ParentTree[StructParent] is not the element holding its OBJR");
            else if (pdf.at(owner->second)["/S"].s != "/Link") problems.push_back(a.s + ": its OBJR is not in a Link");
        }
    }
    if (reached != t.mcid_owner.size()) problems.push_back("the tree holds MCIDs no page has");
    const auto ids = root.has("/IDTree") ? entries(pdf, root["/IDTree"], "/Names") : std::map<std::string, Json>{};
    for (const std::string& e : t.elements) {
        const Json& el = pdf.at(e);
        if (el["/S"].s != "/Note") continue;
        const auto it = el.has("/ID") ? ids.find(el["/ID"].s) : ids.end();
        if (it == ids.end() || it->second.s != e) problems.push_back(e + ": a Note whose /ID is not in the IDTree (PDFUA-1 7.9-1)");
    }
    return problems;
}

}  // namespace zapros::test::tagged
