#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/relation.hpp"
#include "ingest/lexicon.hpp"
#include "ingest/pipeline.hpp"

using irkg::graph::Modality;
using irkg::graph::Triple;
using irkg::ingest::Article;
using irkg::ingest::Pipeline;
using irkg::ingest::PipelineOptions;

namespace {

const Pipeline& pipeline() {
    static const Pipeline p(PipelineOptions{IRKG_SCHEMA_DIR, {}});
    return p;
}

// A Sunday: "on Friday" is 2024-03-15.
constexpr std::string_view k_date = "2024-03-17";

std::vector<Triple> extract(std::string_view text, std::string_view date = k_date, std::string_view id = "doc") {
    return pipeline().extract(Article{std::string(id), std::string(date), std::string(text), "", ""});
}

/// The id the lexicon gives the actor named `name` (so tests do not guess the slugs of persons.json).
std::string id_of(std::string_view name) {
    const auto& lex = pipeline().lexicon();
    const auto words = irkg::ingest::phrase_norms(lex.tokenizer, name);
    const auto m = lex.names.longest(0, words.size(), [&](std::size_t k) -> std::string_view { return words[k]; });
    REQUIRE_MESSAGE(m.length == words.size(), "no lexicon actor named " << name);
    return lex.actors[irkg::ingest::Lexicon::actor_of(m.values->front())].entity.id;
}

/// "subject predicate object [modality] @sentence" for each triple, to show in failure messages.
std::string dump(const std::vector<Triple>& triples) {
    std::ostringstream out;
    for (const auto& t : triples)
        out << "\n  " << t.subject.id << " " << t.relation->predicate << " (" << t.relation->category << ") "
            << t.object.id << " [" << irkg::graph::to_string(t.modality) << "] @" << t.evidence.sentence;
    return out.str();
}

/// The triple subject -relation-> object, where `relation` is a predicate or a category. For
/// symmetric relations either direction counts.
const Triple* find(const std::vector<Triple>& triples, std::string_view subject, std::string_view relation,
                   std::string_view object) {
    for (const auto& t : triples) {
        if (t.relation->predicate != relation && t.relation->category != relation) continue;
        if (t.subject.id == subject && t.object.id == object) return &t;
        if (t.relation->symmetric && t.subject.id == object && t.object.id == subject) return &t;
    }
    return nullptr;
}

/// Any triple with this subject in this category or predicate, whatever its object.
bool any_from(const std::vector<Triple>& triples, std::string_view subject, std::string_view relation) {
    return std::any_of(triples.begin(), triples.end(), [&](const Triple& t) {
        return t.subject.id == subject && (t.relation->predicate == relation || t.relation->category == relation);
    });
}

#define CHECK_TRIPLE(triples, s, r, o) CHECK_MESSAGE(find(triples, s, r, o) != nullptr, "got:" << dump(triples))
#define CHECK_NO_TRIPLE(triples, s, r, o) CHECK_MESSAGE(find(triples, s, r, o) == nullptr, "got:" << dump(triples))

/// What every triple promises, whatever the text.
void check_invariants(const Article& article, const std::vector<Triple>& triples) {
    for (const auto& t : triples) {
        REQUIRE(t.relation != nullptr);
        CHECK(t.subject.id != t.object.id);
        CHECK_FALSE(t.subject.id.empty());
        CHECK_FALSE(t.object.id.empty());
        CHECK(t.evidence.doc == article.id);
        CHECK(t.evidence.begin <= t.evidence.end);
        CHECK(t.evidence.end <= article.text.size());
        CHECK(t.evidence.text == article.text.substr(t.evidence.begin, t.evidence.end - t.evidence.begin));
        CHECK(t.confidence > 0.0);
        CHECK(t.confidence <= 1.0);
    }
}

const std::string k_meeting =
    "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing on Friday.";

}  // namespace

TEST_CASE("titled persons: CONSULT between them, AFFILIATION with their states, evidence and time") {
    const std::string wang = id_of("Wang Yi"), blinken = id_of("Antony Blinken");
    const auto triples = extract(k_meeting, k_date, "wire-1");
    check_invariants(Article{"wire-1", std::string(k_date), k_meeting, "", ""}, triples);

    const Triple* meet = find(triples, wang, "CONSULT", blinken);
    REQUIRE_MESSAGE(meet != nullptr, "got:" << dump(triples));
    CHECK(meet->modality == Modality::asserted);
    CHECK(meet->evidence.doc == "wire-1");
    CHECK(meet->evidence.sentence == 0);
    CHECK(meet->evidence.text == k_meeting);
    CHECK(meet->evidence.begin == 0);
    CHECK(meet->evidence.end == k_meeting.size());
    CHECK(meet->time.text == "Friday");
    CHECK(meet->time.start == "2024-03-15");
    CHECK(meet->time.end == "2024-03-15");

    CHECK_TRIPLE(triples, wang, "AFFILIATION", "country:CHN");
    CHECK_TRIPLE(triples, blinken, "AFFILIATION", "country:USA");
    CHECK_NO_TRIPLE(triples, wang, "AFFILIATION", "country:USA");
    CHECK_NO_TRIPLE(triples, blinken, "AFFILIATION", "country:CHN");
    // Beijing is where they met, not a party to the meeting.
    CHECK_NO_TRIPLE(triples, "country:CHN", "CONSULT", blinken);
    CHECK_FALSE(any_from(triples, "country:USA", "CONSULT"));

    // Who someone is holds at the article date.
    const Triple* office = find(triples, wang, "AFFILIATION", "country:CHN");
    REQUIRE(office != nullptr);
    CHECK(office->time.start == std::string(k_date));
}

TEST_CASE("triple entities carry the lexicon label and the aliases the article used") {
    const auto triples = extract(k_meeting);
    const Triple* meet = find(triples, id_of("Wang Yi"), "meets", id_of("Antony Blinken"));
    REQUIRE_MESSAGE(meet != nullptr, "got:" << dump(triples));
    const auto& wang = meet->subject.id == id_of("Wang Yi") ? meet->subject : meet->object;
    CHECK(wang.label == "Wang Yi");
    CHECK(wang.country == "CHN");
    CHECK(std::find(wang.aliases.begin(), wang.aliases.end(), "Wang Yi") != wang.aliases.end());
}

TEST_CASE("an article without a date leaves undated relations without a time") {
    const auto triples = extract("China attacked Japan.", "");
    const Triple* t = find(triples, "country:CHN", "attacks", "country:JPN");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->time.start.empty());
    CHECK(t->time.end.empty());
}

TEST_CASE("sentence index and offsets of a relation in a later sentence, after a title") {
    const std::string text = "Tensions rise\n\nNothing happened today. China attacked Japan yesterday.";
    const auto triples = extract(text);
    check_invariants(Article{"doc", std::string(k_date), text, "", ""}, triples);
    const Triple* t = find(triples, "country:CHN", "attacks", "country:JPN");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->evidence.sentence == 2);
    CHECK(t->evidence.text == "China attacked Japan yesterday.");
    CHECK(t->evidence.begin == text.find("China"));
    CHECK(t->time.text == "yesterday");
    CHECK(t->time.start == "2024-03-16");
}

TEST_CASE("passive: Russia was condemned by France -> France condemns Russia") {
    const auto triples = extract("Russia was condemned by France.");
    CHECK_TRIPLE(triples, "country:FRA", "condemns", "country:RUS");
    CHECK_NO_TRIPLE(triples, "country:RUS", "condemns", "country:FRA");
    const Triple* t = find(triples, "country:FRA", "condemns", "country:RUS");
    REQUIRE(t != nullptr);
    CHECK(t->relation->category == "ACCUSE");
    CHECK(t->modality == Modality::asserted);
}

TEST_CASE("reported speech: the speaker is not the attacker") {
    auto triples = extract("Officials said North Korea attacked South Korea.");
    CHECK_TRIPLE(triples, "country:PRK", "attacks", "country:KOR");
    CHECK(triples.size() == 1);

    triples = extract("Japan said North Korea attacked South Korea.");
    CHECK_TRIPLE(triples, "country:PRK", "attacks", "country:KOR");
    CHECK_FALSE(any_from(triples, "country:JPN", "ASSAULT"));

    triples = extract("U.S. officials said North Korea attacked South Korea.");
    CHECK_TRIPLE(triples, "country:PRK", "attacks", "country:KOR");
    CHECK_FALSE(any_from(triples, "country:USA", "ASSAULT"));
}

TEST_CASE("reported speech after the clause: the speaker is not the attacker") {
    const auto triples = extract("South Korea was attacked by North Korea, Japan said.");
    CHECK_TRIPLE(triples, "country:PRK", "attacks", "country:KOR");
    CHECK_FALSE_MESSAGE(any_from(triples, "country:JPN", "ASSAULT"), "got:" << dump(triples));
}

TEST_CASE("relative clause: the main verb's subject is the head, not the relative clause's object") {
    const std::string text = k_meeting + " Blinken, who met Wang last year, criticized Russia.";
    const std::string wang = id_of("Wang Yi"), blinken = id_of("Antony Blinken");
    const auto triples = extract(text);
    check_invariants(Article{"doc", std::string(k_date), text, "", ""}, triples);
    const Triple* criticism = find(triples, blinken, "criticizes", "country:RUS");
    REQUIRE_MESSAGE(criticism != nullptr, "got:" << dump(triples));
    CHECK(criticism->evidence.sentence == 1);
    CHECK_NO_TRIPLE(triples, wang, "ACCUSE", "country:RUS");
    // The relative clause is a meeting of its own, last year.
    const Triple* earlier = nullptr;
    for (const auto& t : triples)
        if (t.evidence.sentence == 1 && t.relation->category == "CONSULT") earlier = &t;
    REQUIRE_MESSAGE(earlier != nullptr, "got:" << dump(triples));
    CHECK(earlier->time.start == "2023-01-01");
}

TEST_CASE("relative clause: its time expression does not date the main clause") {
    const auto triples = extract(k_meeting + " Blinken, who met Wang last year, criticized Russia.");
    const Triple* criticism = find(triples, id_of("Antony Blinken"), "criticizes", "country:RUS");
    REQUIRE_MESSAGE(criticism != nullptr, "got:" << dump(triples));
    CHECK(criticism->time.text == "");
    CHECK(criticism->time.start == std::string(k_date));
}

TEST_CASE("between: talks between Iran and Iraq -> CONSULT Iran-Iraq") {
    auto triples = extract("Talks between Iran and Iraq resumed.");
    CHECK_TRIPLE(triples, "country:IRN", "CONSULT", "country:IRQ");
    CHECK(triples.size() == 1);

    triples = extract("Talks between Iran, Iraq and Syria resumed.");
    CHECK_TRIPLE(triples, "country:IRN", "CONSULT", "country:IRQ");
    CHECK_TRIPLE(triples, "country:IRN", "CONSULT", "country:SYR");
    CHECK_TRIPLE(triples, "country:IRQ", "CONSULT", "country:SYR");
}

TEST_CASE("coordinated subjects of a symmetric verb relate to each other") {
    auto triples = extract("Japan and South Korea agreed to expand trade.");
    CHECK_TRIPLE(triples, "country:JPN", "AGREE", "country:KOR");

    triples = extract("China and Japan met.");
    CHECK_TRIPLE(triples, "country:CHN", "meets", "country:JPN");
}

TEST_CASE("coordinated subjects and objects each get the relation") {
    auto triples = extract("France urged Germany and Italy to cut spending.");
    CHECK_TRIPLE(triples, "country:FRA", "REQUEST", "country:DEU");
    CHECK_TRIPLE(triples, "country:FRA", "REQUEST", "country:ITA");
    CHECK_NO_TRIPLE(triples, "country:DEU", "REQUEST", "country:ITA");

    triples = extract("Germany and France condemned Russia.");
    CHECK_TRIPLE(triples, "country:DEU", "condemns", "country:RUS");
    CHECK_TRIPLE(triples, "country:FRA", "condemns", "country:RUS");
    CHECK_NO_TRIPLE(triples, "country:DEU", "condemns", "country:FRA");
}

TEST_CASE("coordinated verbs share the subject") {
    const auto triples = extract("France criticized Russia and threatened Germany.");
    CHECK_TRIPLE(triples, "country:FRA", "criticizes", "country:RUS");
    CHECK_TRIPLE(triples, "country:FRA", "threatens", "country:DEU");
    CHECK_NO_TRIPLE(triples, "country:RUS", "threatens", "country:DEU");
}

TEST_CASE("modality: planned, negated, speculative") {
    auto triples = extract("China will sanction Japan.");
    const Triple* t = find(triples, "country:CHN", "sanctions", "country:JPN");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::planned);

    triples = extract("Russia did not attack Ukraine.");
    t = find(triples, "country:RUS", "attacks", "country:UKR");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::negated);

    triples = extract("Iran may attack Israel.");
    t = find(triples, "country:IRN", "attacks", "country:ISR");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::speculative);

    triples = extract("Russia didn't attack Ukraine.");
    t = find(triples, "country:RUS", "attacks", "country:UKR");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::negated);

    triples = extract("China attacked Japan.");
    t = find(triples, "country:CHN", "attacks", "country:JPN");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::asserted);
}

TEST_CASE("a planned relation resolves its time forwards") {
    const auto triples = extract("NATO will hold talks with Russia in November.");
    const Triple* t = find(triples, "org:nato", "CONSULT", "country:RUS");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->modality == Modality::planned);
    CHECK(t->time.start == "2024-11-01");
    CHECK(t->time.end == "2024-11-30");
}

TEST_CASE("aliases: PRC, Beijing, the Kremlin, Tokyo resolve to their states") {
    auto triples = extract("The PRC criticized Japan.");
    CHECK_TRIPLE(triples, "country:CHN", "criticizes", "country:JPN");

    triples = extract("Beijing said it condemned Japan.");
    CHECK_TRIPLE(triples, "country:CHN", "condemns", "country:JPN");

    triples = extract("The Kremlin condemned Ukraine.");
    CHECK_TRIPLE(triples, "country:RUS", "condemns", "country:UKR");

    triples = extract("Beijing condemned Tokyo.");
    CHECK_TRIPLE(triples, "country:CHN", "condemns", "country:JPN");
}

TEST_CASE("a state's body is its own actor") {
    const auto triples = extract("China's foreign ministry criticized Japan.");
    CHECK_TRIPLE(triples, "org:chn-foreign-ministry", "criticizes", "country:JPN");
}

TEST_CASE("lowercase common words are not states") {
    const auto triples = extract("The plates were fine china, officials said.");
    CHECK(triples.empty());
}

TEST_CASE("group references and surnames refer back to persons named before") {
    auto triples = extract(
        "Chinese President Xi Jinping met Russian President Vladimir Putin. The two leaders condemned NATO.");
    const std::string xi = id_of("Xi Jinping"), putin = id_of("Vladimir Putin");
    CHECK_TRIPLE(triples, xi, "meets", putin);
    CHECK_TRIPLE(triples, xi, "condemns", "org:nato");
    CHECK_TRIPLE(triples, putin, "condemns", "org:nato");

    triples = extract(k_meeting + " Wang criticized Japan.");
    const Triple* t = find(triples, id_of("Wang Yi"), "criticizes", "country:JPN");
    REQUIRE_MESSAGE(t != nullptr, "got:" << dump(triples));
    CHECK(t->evidence.sentence == 1);
}

TEST_CASE("an unknown person introduced by a title gets a person id and the state's affiliation") {
    const auto triples = extract("Foreign Minister Adam Lipavsky of the Czech Republic criticized Russia.");
    CHECK_TRIPLE(triples, "person:adam-lipavsky", "criticizes", "country:RUS");
    CHECK_TRIPLE(triples, "person:adam-lipavsky", "AFFILIATION", "country:CZE");
}

TEST_CASE("a sentence of names and titles is not a headline: the person is found") {
    auto triples = extract("Czech Foreign Minister Adam Lipavsky met Wang Yi.");
    CHECK_TRIPLE(triples, "person:adam-lipavsky", "CONSULT", id_of("Wang Yi"));
    CHECK_TRIPLE(triples, "person:adam-lipavsky", "AFFILIATION", "country:CZE");
    CHECK_NO_TRIPLE(triples, "country:CZE", "CONSULT", id_of("Wang Yi"));

    triples = extract("President Biden met President Xi.");
    CHECK_TRIPLE(triples, id_of("Joe Biden"), "CONSULT", id_of("Xi Jinping"));
}

TEST_CASE("a first name that is also a month abbreviation (Jan) is part of a name") {
    const auto triples = extract("Foreign Minister Jan Lipavsky of the Czech Republic criticized Russia.");
    CHECK_TRIPLE(triples, "person:jan-lipavsky", "criticizes", "country:RUS");
    CHECK_TRIPLE(triples, "person:jan-lipavsky", "AFFILIATION", "country:CZE");
}

TEST_CASE("an introductory place phrase is not a coordinated subject") {
    const auto triples = extract("In Beijing, Wang Yi met Antony Blinken.");
    CHECK_TRIPLE(triples, id_of("Wang Yi"), "CONSULT", id_of("Antony Blinken"));
    CHECK_NO_TRIPLE(triples, "country:CHN", "CONSULT", id_of("Antony Blinken"));
}

TEST_CASE("a Chinese surname (family name first) finds the lexicon person") {
    const auto triples = extract("Russia's Vladimir Putin met China's President Xi in Moscow.");
    CHECK_TRIPLE(triples, id_of("Vladimir Putin"), "CONSULT", id_of("Xi Jinping"));
    CHECK_NO_TRIPLE(triples, id_of("Vladimir Putin"), "CONSULT", "person:xi");
}

TEST_CASE("a title and name in apposition before the verb") {
    const auto triples = extract("The Czech foreign minister, Adam Lipavsky, criticized Russia on Monday.");
    CHECK_TRIPLE(triples, "person:adam-lipavsky", "criticizes", "country:RUS");
}

TEST_CASE("extraction is deterministic") {
    const std::string text = k_meeting +
                             " Blinken, who met Wang last year, criticized Russia. The two men also condemned "
                             "North Korea's attack on South Korea.\n\nTalks between Iran and Iraq resumed on Monday.";
    const auto a = extract(text, k_date, "same");
    const auto b = extract(text, k_date, "same");
    REQUIRE(a.size() == b.size());
    CHECK_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("triple " << i);
        CHECK(a[i].subject.id == b[i].subject.id);
        CHECK(a[i].subject.label == b[i].subject.label);
        CHECK(a[i].subject.aliases == b[i].subject.aliases);
        CHECK(a[i].subject.country == b[i].subject.country);
        CHECK(a[i].relation == b[i].relation);
        CHECK(a[i].object.id == b[i].object.id);
        CHECK(a[i].object.label == b[i].object.label);
        CHECK(a[i].object.aliases == b[i].object.aliases);
        CHECK(a[i].modality == b[i].modality);
        CHECK(a[i].time == b[i].time);
        CHECK(a[i].evidence == b[i].evidence);
        CHECK(a[i].confidence == b[i].confidence);
    }
    // Triples come in sentence order.
    for (std::size_t i = 1; i < a.size(); ++i) CHECK(a[i - 1].evidence.sentence <= a[i].evidence.sentence);
}

TEST_CASE("one fact per sentence is emitted once") {
    const auto triples = extract("China attacked Japan and China attacked Japan again.");
    CHECK(std::count_if(triples.begin(), triples.end(), [](const Triple& t) {
              return t.subject.id == "country:CHN" && t.relation->predicate == "attacks" &&
                     t.object.id == "country:JPN";
          }) == 1);
}

TEST_CASE("garbage never throws and yields only well-formed triples") {
    std::vector<std::string> texts;
    texts.emplace_back("");
    texts.emplace_back(" \n\n\t ");
    texts.emplace_back(std::string(10000, ','));
    texts.emplace_back(std::string(10000, '.'));
    texts.emplace_back(std::string(5000, '\''));
    texts.emplace_back("\xFF\xFE\xFD China \xC3 attacked \xE2\x82 Japan \xF0\x9F\x98");
    texts.emplace_back("China\xC0\xAF" "attacked\xED\xA0\x80" "Japan.");
    std::string repeated;
    for (int i = 0; i < 2000; ++i) repeated += "China attacked Japan and ";
    texts.push_back(repeated);
    std::string coordination;
    for (int i = 0; i < 2000; ++i) coordination += "Iran, Iraq and ";
    texts.push_back(coordination + "Syria met.");
    std::string titles;
    for (int i = 0; i < 500; ++i) titles += "President Foreign Minister Secretary of State ";
    texts.push_back(titles);
    texts.emplace_back("the two leaders met. He said it. They, who, which, whose, by, by, by.");
    texts.emplace_back("Mr. Mr. Mr. U.S. U.S. -- - -- ' 's n't didn't Jan. Friday to to Wednesday");
    std::mt19937 random(20240317);
    for (int n = 0; n < 20; ++n) {
        std::string bytes(1 + random() % 4000, '\0');
        for (auto& c : bytes) c = static_cast<char>(random() % 256);
        texts.push_back(bytes);
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
        INFO("text " << i << " of " << texts[i].size() << " bytes");
        const Article article{"garbage-" + std::to_string(i), std::string(k_date), texts[i], "", ""};
        std::vector<Triple> triples;
        std::uint64_t sentences = 0;
        CHECK_NOTHROW(triples = pipeline().extract(article, &sentences));
        check_invariants(article, triples);
        if (texts[i].find_first_not_of(" \n\t") == std::string::npos) {
            CHECK(triples.empty());
            CHECK(sentences == 0);
        }
    }
}

TEST_CASE("garbage dates never throw") {
    for (const char* date : {"", "yesterday", "2024-02-30", "9999-99-99", "0000-01-01", "2024-03-17T25:00"}) {
        INFO("date " << date);
        std::vector<Triple> triples;
        CHECK_NOTHROW(triples = extract("China attacked Japan last week. Iran may meet Iraq next Friday.", date));
        CHECK_FALSE(triples.empty());
    }
}

// ---- mechanisms added with the extraction issue: sentences written for these tests ----

TEST_CASE("first-person pronouns in a quotation stand for its speaker") {
    const auto t = extract("\"We strongly condemn Iran,\" the G7 said on Tuesday.");
    CHECK_TRIPLE(t, "org:g7", "ACCUSE", "country:IRN");
    const auto u = extract("NATO said: \"We will support Finland.\"");
    CHECK_TRIPLE(u, "org:nato", "SUPPORT", "country:FIN");
}

TEST_CASE("a requested action is the request, not the act") {
    const auto t = extract("Germany urged Turkey to attack Syria.");
    CHECK_TRIPLE(t, "country:DEU", "REQUEST", "country:TUR");
    CHECK_NO_TRIPLE(t, "country:TUR", "ASSAULT", "country:SYR");
}

TEST_CASE("a bare surname after a title finds the lexicon person only in their era") {
    const auto now = extract("President Putin visited Beijing.", "2015-06-01");
    CHECK_TRIPLE(now, id_of("Vladimir Putin"), "AFFILIATION", "country:RUS");
    const std::string chung = id_of("Chung Eui-yong");
    const auto old = extract("Finance Minister Chung met Japanese officials.", "1987-03-31");
    for (const auto& tr : old) CHECK_MESSAGE(tr.subject.id != chung, "a 1987 Chung is not the 2017 official");
}

TEST_CASE("portfolio words before a generic title introduce a person with the state's affiliation") {
    const auto t = extract("Zetlandian officials said. British Fisheries Minister Alan Smithee visited Norway.");
    const Triple* visit = nullptr;
    for (const auto& tr : t)
        if (tr.relation->predicate == "visits") visit = &tr;
    REQUIRE_MESSAGE(visit != nullptr, "got:" << dump(t));
    CHECK(visit->subject.id == "person:alan-smithee");
    CHECK_TRIPLE(t, "person:alan-smithee", "AFFILIATION", "country:GBR");
}

TEST_CASE("a demonym on a noun is the object of acts on things, not of talks") {
    const auto t = extract("The European Union imposed tariffs on Chinese steel.");
    CHECK_TRIPLE(t, "org:eu", "SANCTION", "country:CHN");
    const auto u = extract("Brazil reported strong demand for Chinese steel.");
    CHECK_NO_TRIPLE(u, "country:BRA", "REQUEST", "country:CHN");
}

TEST_CASE("a bracketed acronym names an unknown organisation for the rest of the article") {
    const auto t = extract("The Zetland Liberation Front (ZLF) attacked Pakistan. Later, Pakistan accused the ZLF.");
    CHECK_TRIPLE(t, "org:zetland-liberation-front", "ASSAULT", "country:PAK");
    CHECK_TRIPLE(t, "country:PAK", "ACCUSE", "org:zetland-liberation-front");
}

TEST_CASE("an unnamed office holder is an office of the state") {
    const auto t = extract("Italy's Interior Minister visited Libya.");
    CHECK_TRIPLE(t, "person:ita-interior-minister", "CONSULT", "country:LBY");
    CHECK_TRIPLE(t, "person:ita-interior-minister", "AFFILIATION", "country:ITA");
    // Heads of state and government stand for the state itself.
    const auto u = extract("The French president visited Libya.");
    CHECK_TRIPLE(u, "country:FRA", "CONSULT", "country:LBY");
}

TEST_CASE("a capital inside a longer name is an organisation, not the state") {
    const auto t = extract("The Paris Club rejected Nigeria's request.");
    CHECK_NO_TRIPLE(t, "country:FRA", "REJECT", "country:NGA");
    CHECK_TRIPLE(t, "org:paris-club", "REJECT", "country:NGA");
}

TEST_CASE("refusing and denying are rejections") {
    const auto t = extract("Japan denied the American charges. Comecon refused to recognise the EC.");
    CHECK_TRIPLE(t, "country:JPN", "REJECT", "country:USA");
    CHECK_TRIPLE(t, "org:comecon", "REJECT", "org:ec");
}

TEST_CASE("a conditional clause makes its event speculative") {
    const auto t = extract("Biden said Russia would pay a price if it invaded Ukraine.");
    const Triple* invasion = find(t, "country:RUS", "ASSAULT", "country:UKR");
    REQUIRE_MESSAGE(invasion != nullptr, "got:" << dump(t));
    CHECK(invasion->modality == Modality::speculative);
}

TEST_CASE("adjectival triggers: X-backed Y, the X-led invasion of Y") {
    const auto t = extract("Iranian-backed Houthi rebels attacked Saudi Arabia.");
    CHECK_TRIPLE(t, "country:IRN", "SUPPORT", "org:houthis");
    CHECK_TRIPLE(t, "org:houthis", "ASSAULT", "country:SAU");
    const auto u = extract("The U.S.-led invasion of Iraq began in 2003.");
    CHECK_TRIPLE(u, "country:USA", "ASSAULT", "country:IRQ");
    // The participle qualifies the next noun only: these separatists are no actor of the lexicon.
    const auto v = extract("Russian-armed separatists shelled Ukraine.");
    CHECK_NO_TRIPLE(v, "country:RUS", "AID", "country:UKR");
}

TEST_CASE("an office named before its holder's name becomes that person") {
    const auto t = extract("A British minister said he had warned Japan. Fisheries Minister Alan Smithee then visited Norway.");
    CHECK_TRIPLE(t, "person:alan-smithee", "THREATEN", "country:JPN");
    for (const auto& tr : t) CHECK_MESSAGE(tr.subject.id != "person:gbr-minister", "got:" << dump(t));
}

TEST_CASE("a hyphenated participle is no verb, and its noun is the object") {
    const auto t = extract("UNITA has been fighting the Cuban-backed Angolan government since 1976.");
    CHECK_TRIPLE(t, "org:unita", "ASSAULT", "country:AGO");
    CHECK_NO_TRIPLE(t, "org:unita", "ASSAULT", "country:CUB");
    CHECK_NO_TRIPLE(t, "org:unita", "SUPPORT", "country:AGO");
    CHECK_TRIPLE(t, "country:CUB", "SUPPORT", "country:AGO");
}

TEST_CASE("exchanging prisoners is a concession of both sides") {
    const auto t = extract("Egypt and Israel exchanged prisoners on Monday. Russia swapped prisoners with Ukraine.");
    CHECK_TRIPLE(t, "country:EGY", "CONCEDE", "country:ISR");
    CHECK_TRIPLE(t, "country:RUS", "exchanges-prisoners-with", "country:UKR");
}

TEST_CASE("an article or sentence that ends on a title or a name word is read to its last token and no further") {
    // The mention rules look at the token after a title for the holder's name; at the article's end
    // there is none (AddressSanitizer builds would catch a read past the token arrays).
    for (const char* text : {"The talks were led by the Secretary of State", "Blinken met the Chinese foreign minister",
                             "President", "China", "Wang Yi met Secretary of State Blinken", "The minister.",
                             "Talks ended. Foreign Minister"}) {
        INFO(text);
        CHECK_NOTHROW(extract(text));
    }
    const auto triples = extract("Wang Yi met Secretary of State Antony Blinken in Beijing. Blinken met the foreign minister");
    CHECK(std::any_of(triples.begin(), triples.end(), [](const Triple& t) { return t.relation->predicate == "meets"; }));
}
