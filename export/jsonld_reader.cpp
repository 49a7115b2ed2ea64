#include "jsonld_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "graph/errors.hpp"
#include "graph/json_file.hpp"
#include "jsonld_vocabulary.hpp"
#include "utf8_text.hpp"

namespace irkg::exporter {

namespace {

using rapidjson::Value;

constexpr std::size_t k_block = std::size_t{1} << 16;
// Encoding is checked per string (valid_utf8 below), which is several times faster than RapidJSON's
// byte-by-byte kParseValidateEncodingFlag on text that is mostly ASCII.
constexpr unsigned k_parse_flags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseStopWhenDoneFlag;

/// Thrown inside parsing when the input crosses a limit; the loader adds the position and the path.
struct Stop {
    std::size_t offset;
    std::string what;
};

/// Whether `text` is UTF-8, 8 ASCII bytes at a time until the first that is not.
bool valid_utf8(const char* text, std::size_t length) {
    std::size_t i = 0;
    for (std::uint64_t word; i + 8 <= length; i += 8) {
        std::memcpy(&word, text + i, 8);
        if (word & 0x8080808080808080ULL) break;
    }
    for (; i < length; ++i)
        if (static_cast<unsigned char>(text[i]) >= 0x80) return is_valid_utf8(std::string_view(text + i, length - i));
    return true;
}

std::uint64_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

/// A set of 64-bit hashes: open addressing, linear probing, at most half full.
class HashSet {
public:
    void insert(std::uint64_t hash) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        std::size_t i = place(hash);
        if (slots_[i] == 0) {
            slots_[i] = nonzero(hash);
            ++size_;
        }
    }
    bool contains(std::uint64_t hash) const { return !slots_.empty() && slots_[place(hash)] != 0; }

private:
    static std::uint64_t nonzero(std::uint64_t hash) { return hash == 0 ? 1 : hash; }  // 0 marks an empty slot
    std::size_t place(std::uint64_t hash) const {
        hash = nonzero(hash);
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = static_cast<std::size_t>(hash) & mask;
        while (slots_[i] != 0 && slots_[i] != hash) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::vector<std::uint64_t> old(std::max<std::size_t>(64, slots_.size() * 2), 0);
        old.swap(slots_);
        for (std::uint64_t hash : old)
            if (hash != 0) slots_[place(hash)] = hash;
    }
    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

/// The document's bytes, from a file or from memory, as a RapidJSON input stream: 64 KiB at a time,
/// with the absolute byte offset, the limits on token and node size checked at each block boundary,
/// and rewind() for the passes that need one.
class Input {
public:
    using Ch = char;
    static constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();

    Input(std::string_view text, std::string_view source) : text_(text), source_(source) { start(); }

    Input(const std::filesystem::path& path) : path_(path), source_(path.string()), buffer_(k_block + 1) {
        file_ = std::fopen(path.c_str(), "rb");
        if (!file_)
            throw input_error(fmt::format("{}: cannot open file (does it exist and is it readable?): {}", source_,
                                          std::strerror(errno)));
        start();
    }
    ~Input() {
        if (file_) std::fclose(file_);
    }
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    const std::string& source() const { return source_; }

    // The RapidJSON stream concept (reading only). Peek() is '\0' at the end.
    [[gnu::always_inline]] Ch Peek() const { return *cur_; }
    [[gnu::always_inline]] Ch Take() {
        const Ch c = *cur_;
        if (cur_ != end_ && ++cur_ == end_) next_block();
        return c;
    }
    std::size_t Tell() const { return base_ + static_cast<std::size_t>(cur_ - block_); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

    /// A token (or a gap between tokens) starts here: what follows until the next mark must stay
    /// under k_max_jsonld_token_bytes.
    void mark_token() { token_start_ = Tell(); }
    std::size_t token_start() const { return token_start_; }
    /// A node starts here (k_none: no node is being read).
    void mark_node(std::size_t offset) { node_start_ = offset; }

    /// Skips JSON white space; RapidJSON calls it through SkipWhitespace(Input&) below.
    [[gnu::always_inline]] void skip_whitespace() {
        constexpr std::uint64_t spaces = (1ULL << ' ') | (1ULL << '\n') | (1ULL << '\r') | (1ULL << '\t');
        for (;;) {
            const char* p = cur_;  // a local: stores through char pointers would make the compiler reload members
            const char* const end = end_;
            while (p != end && static_cast<unsigned char>(*p) <= ' ' && ((spaces >> static_cast<unsigned char>(*p)) & 1))
                ++p;
            cur_ = p;
            if (p != end || end == &k_end) return;
            next_block();
        }
    }

    /// Copies the bytes before the next '"', '\\' or control character to `out` (RapidJSON's string
    /// stack), a run at a time rather than a byte at a time; RapidJSON calls it through its
    /// ScanCopyUnescapedString hook, specialised below.
    template <class Out>
    void copy_plain(Out& out) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        const auto has_zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
        for (;;) {
            const char* p = cur_;
            const char* const end = end_;
            bool found = false;
            for (std::uint64_t w; end - p >= 8; p += 8) {
                std::memcpy(&w, p, 8);
                // A high bit in each byte that is '"', '\\' or below 0x20; the lowest is exact (bytes are
                // little-endian in the word on the machines irkg builds on; elsewhere the bytewise loop
                // below finds it).
                const std::uint64_t special =
                    has_zero_byte(w ^ (ones * '"')) | has_zero_byte(w ^ (ones * '\\')) | ((w - ones * 0x20) & ~w & highs);
                if (special) {
                    if constexpr (std::endian::native == std::endian::little) {
                        p += std::countr_zero(special) / 8;
                        found = true;
                    }
                    break;
                }
            }
            if (!found)
                while (p != end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
            if (p != cur_) {
                const auto n = static_cast<rapidjson::SizeType>(p - cur_);
                std::memcpy(out.Push(n), cur_, n);
                cur_ = p;
            }
            if (cur_ != end_ || end_ == &k_end) return;
            next_block();
        }
    }

    void rewind() {
        if (file_) {
            if (std::fseek(file_, 0, SEEK_SET) != 0)
                throw input_error(fmt::format("{}: cannot read the file again: {}", source_, std::strerror(errno)));
            std::clearerr(file_);
        }
        start();
    }

    /// "line L, column C" of byte `offset` (1-based), for error messages: read again from the start.
    std::string line_column(std::size_t offset) const {
        if (!file_) return graph::line_column(text_, offset);
        std::ifstream in(path_, std::ios::binary);
        std::size_t line = 1, column = 1;
        std::vector<char> block(k_block);
        for (std::size_t done = 0; done < offset && in;) {
            in.read(block.data(), static_cast<std::streamsize>(std::min(k_block, offset - done)));
            const auto got = static_cast<std::size_t>(in.gcount());
            for (std::size_t i = 0; i < got; ++i) {
                if (block[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            done += got;
            if (got == 0) break;
        }
        return fmt::format("line {}, column {}", line, column);
    }

private:
    void start() {
        base_ = 0;
        token_start_ = 0;
        node_start_ = k_none;
        position_ = 0;
        block_ = cur_ = end_ = &k_end;
        next_block();
    }

    [[gnu::noinline]] void next_block() {
        base_ += static_cast<std::size_t>(end_ - block_);
        if (base_ - token_start_ > k_max_jsonld_token_bytes)
            throw Stop{token_start_, fmt::format("a string, number or gap longer than {} MiB starts here; irkg "
                                                 "never writes one",
                                                 k_max_jsonld_token_bytes >> 20)};
        if (node_start_ != k_none && base_ - node_start_ > k_max_jsonld_node_bytes)
            throw Stop{node_start_, fmt::format("a node longer than {} MiB starts here; irkg reads nodes up to "
                                                "that size",
                                                k_max_jsonld_node_bytes >> 20)};
        std::size_t got = 0;
        if (file_) {
            got = std::fread(buffer_.data(), 1, k_block, file_);
            if (got < k_block && std::ferror(file_))
                throw input_error(fmt::format("{}: read error: {}", source_, std::strerror(errno)));
            block_ = buffer_.data();
        } else {
            got = std::min(k_block, text_.size() - position_);
            block_ = text_.data() + position_;
            position_ += got;
        }
        if (got == 0) {
            block_ = cur_ = end_ = &k_end;
            return;
        }
        cur_ = block_;
        end_ = block_ + got;
    }

    static constexpr char k_end = '\0';

    std::string_view text_;
    std::size_t position_ = 0;  // memory: where the next block starts
    std::filesystem::path path_;
    std::string source_;
    std::FILE* file_ = nullptr;
    std::vector<char> buffer_;
    const char* block_ = &k_end;
    const char* cur_ = &k_end;
    const char* end_ = &k_end;
    std::size_t base_ = 0;  // offset of block_
    std::size_t token_start_ = 0;
    std::size_t node_start_ = k_none;
};

/// Found by argument-dependent lookup from inside RapidJSON's reader, and preferred to its generic
/// byte-by-byte template.
[[gnu::always_inline]] inline void SkipWhitespace(Input& input) { input.skip_whitespace(); }

}  // namespace
}  // namespace irkg::exporter

namespace rapidjson {
// RapidJSON's hook for copying an unescaped run of a string in one go, which it implements for its own
// in-memory streams only. An explicit specialisation for the reader's block stream: parsing is mostly
// copying strings, and this makes it several times faster.
template <>
template <>
inline void GenericReader<UTF8<>, UTF8<>, CrtAllocator>::ScanCopyUnescapedString(
    irkg::exporter::Input& input, GenericReader<UTF8<>, UTF8<>, CrtAllocator>::StackStream<char>& out) {
    input.copy_plain(out);
}
}  // namespace rapidjson

namespace irkg::exporter {
namespace {

/// Where the parser stands inside the value being read, as JSON pointer tokens, for error messages.
class PathTracker {
public:
    void reset() { depth_ = 0; }
    std::size_t depth() const { return depth_; }
    /// A value starts (in an array, it is the next element).
    void value() {
        if (depth_ > 0 && frames_[depth_ - 1].array) ++frames_[depth_ - 1].count;
    }
    void key(const char* text, std::size_t length) {
        auto& frame = frames_[depth_ - 1];
        // Every key goes through here and only errors read it: short ones (all of irkg's) are copied
        // into the frame, without std::string's bookkeeping.
        frame.key_length = length;
        if (length <= sizeof frame.short_key)
            std::memcpy(frame.short_key, text, length);
        else
            frame.long_key.assign(text, length);
        frame.has_key = true;
    }
    void enter(bool array) {
        value();
        if (depth_ == frames_.size()) frames_.emplace_back();
        auto& frame = frames_[depth_++];
        frame.array = array;
        frame.count = 0;
        frame.has_key = false;
    }
    void leave() { --depth_; }
    template <class Child>
    std::string pointer(std::string base, Child child) const {
        for (std::size_t i = 0; i < depth_; ++i) {
            const auto& frame = frames_[i];
            if (frame.array && frame.count > 0)
                base = child(base, frame.count - 1);
            else if (!frame.array && frame.has_key)
                base = child(base, frame.key());
        }
        return base;
    }

private:
    struct Frame {
        bool array = false;
        std::size_t count = 0;
        bool has_key = false;
        std::size_t key_length = 0;
        char short_key[32];
        std::string long_key;
        std::string_view key() const {
            return key_length <= sizeof short_key ? std::string_view(short_key, key_length) : std::string_view(long_key);
        }
    };
    std::vector<Frame> frames_;
    std::size_t depth_ = 0;
};

/// Records what kind of value the first event starts (for "expected an array, found a string").
struct KindTarget : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, KindTarget> {
    std::string_view kind;
    bool Default() { return true; }
    bool Null() { return first("null"); }
    bool Bool(bool) { return first("a boolean"); }
    bool Int(int) { return first("a number"); }
    bool Uint(unsigned) { return first("a number"); }
    bool Int64(std::int64_t) { return first("a number"); }
    bool Uint64(std::uint64_t) { return first("a number"); }
    bool Double(double) { return first("a number"); }
    bool String(const char*, rapidjson::SizeType, bool) { return first("a string"); }
    bool StartObject() { return first("an object"); }
    bool StartArray() { return first("an array"); }
    bool first(std::string_view name) {
        if (kind.empty()) kind = name;
        return true;
    }
};

/// Forwards the parser's events to `Target` (a Document, or KindTarget to skip a value), keeping the
/// path, marking tokens for the size limit and stopping at k_max_jsonld_depth.
template <class Target>
class Tracked {
public:
    Tracked(Target& target, Input& input, PathTracker& path, int outer_depth)
        : target_(target), input_(input), path_(path), outer_depth_(outer_depth) {}

    bool Null() { return scalar() && target_.Null(); }
    bool Bool(bool b) { return scalar() && target_.Bool(b); }
    bool Int(int i) { return scalar() && target_.Int(i); }
    bool Uint(unsigned i) { return scalar() && target_.Uint(i); }
    bool Int64(std::int64_t i) { return scalar() && target_.Int64(i); }
    bool Uint64(std::uint64_t i) { return scalar() && target_.Uint64(i); }
    bool Double(double d) { return scalar() && target_.Double(d); }
    bool RawNumber(const char* text, rapidjson::SizeType length, bool copy) {
        return scalar() && target_.RawNumber(text, length, copy);
    }
    bool String(const char* text, rapidjson::SizeType length, bool copy) {
        check_encoding(text, length);
        return scalar() && target_.String(text, length, copy);
    }
    bool Key(const char* text, rapidjson::SizeType length, bool copy) {
        check_encoding(text, length);
        input_.mark_token();
        path_.key(text, length);
        return target_.Key(text, length, copy);
    }
    bool StartObject() { return open(false) && target_.StartObject(); }
    bool EndObject(rapidjson::SizeType members) {
        close();
        return target_.EndObject(members);
    }
    bool StartArray() { return open(true) && target_.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) {
        close();
        return target_.EndArray(elements);
    }

private:
    void check_encoding(const char* text, std::size_t length) {
        if (!valid_utf8(text, length))
            throw Stop{input_.token_start(),
                       fmt::format("not JSON: {}", rapidjson::GetParseError_En(rapidjson::kParseErrorStringInvalidEncoding))};
    }
    bool scalar() {
        input_.mark_token();
        path_.value();
        return true;
    }
    bool open(bool array) {
        input_.mark_token();
        if (outer_depth_ + static_cast<int>(path_.depth()) + 1 > k_max_jsonld_depth)
            throw Stop{input_.Tell() - 1,  // the bracket, just taken
                       fmt::format("nested deeper than {} levels; not an irkg JSON-LD graph", k_max_jsonld_depth)};
        path_.enter(array);
        return true;
    }
    void close() {
        input_.mark_token();
        path_.leave();
    }

    Target& target_;
    Input& input_;
    PathTracker& path_;
    int outer_depth_;
};


std::string_view view(const Value& string) { return {string.GetString(), string.GetStringLength()}; }

/// `path` extended by one JSON pointer token (RFC 6901 escaping).
std::string child(std::string_view path, std::string_view token) {
    std::string out(path);
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string child(std::string_view path, std::size_t index) { return fmt::format("{}/{}", path, index); }

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    const int month = (text[5] - '0') * 10 + (text[6] - '0');
    const int day = (text[8] - '0') * 10 + (text[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

template <class List>
std::string list_of(const List& list) {
    std::string out;
    for (auto item : list) out += fmt::format("{}{}", out.empty() ? "" : ", ", item);
    return out;
}

bool is_unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

int upper_hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// The entity id whose jsonld::entity_iri() is exactly `iri`, into `out`; false when no id has that
/// IRI. Decoding only the canonical form keeps the IRI -> id mapping one-to-one, without building the
/// IRI of every candidate: raw bytes are unreserved, escapes are upper-case and stand for reserved
/// bytes, one raw '/' stands for the id's first ':' (so no ':' may come before it).
bool decode_entity_iri(std::string_view iri, std::string& out) {
    if (!iri.starts_with("ent:")) return false;
    out.clear();
    bool separated = false;
    for (std::size_t i = 4; i < iri.size(); ++i) {
        const char c = iri[i];
        if (c == '/') {
            if (separated) return false;
            separated = true;
            out += ':';
        } else if (c == '%') {
            if (i + 2 >= iri.size()) return false;
            const int high = upper_hex_value(iri[i + 1]), low = upper_hex_value(iri[i + 2]);
            if (high < 0 || low < 0) return false;
            const char decoded = static_cast<char>(high * 16 + low);
            if (is_unreserved(decoded) || (decoded == ':' && !separated)) return false;
            out += decoded;
            i += 2;
        } else if (is_unreserved(c)) {
            out += c;
        } else {
            return false;
        }
    }
    return true;
}

/// One @graph node, read and checked as far as that is possible without the graph; Loader::apply adds
/// it to the graph (and checks the rest). The record is recycled, so its strings keep their capacity.
struct Record {
    enum class Kind { entity, statement };
    Kind kind = Kind::entity;
    std::size_t index = 0;  ///< in @graph
    graph::Entity entity;
    std::string subject, object;  ///< a statement's entity IRIs, as written
    graph::RelationType relation;
    std::vector<graph::Mention> mentions;
};

/// Parsed @graph nodes in the order of the file, handed from the thread that parses to the one that
/// checks them. Their trees live in the batch's own pool until it comes round again.
struct NodeBatch {
    static constexpr std::size_t k_nodes = 512;
    /// A batch is handed over sooner when its trees take this much (nodes of many mentions).
    static constexpr std::size_t k_bytes = std::size_t{8} << 20;
    static constexpr std::size_t k_pool = std::size_t{1} << 20;
    /// The pool's first chunk, kept when it is cleared: a batch of ordinary nodes fits, and costs no
    /// allocation.
    std::vector<char> pool_buffer = std::vector<char>(k_pool);
    rapidjson::MemoryPoolAllocator<> pool{pool_buffer.data(), pool_buffer.size(), k_pool};
    rapidjson::Document document{&pool};  ///< parses the next node
    std::vector<Value> nodes;
    std::vector<std::size_t> indices;  ///< in @graph, of each node
    bool last = false;                 ///< the reading thread is done
    std::exception_ptr error;          ///< ... because of this, after the nodes

    void clear() {
        nodes.clear();
        indices.clear();
        pool.Clear();
        last = false;
        error = nullptr;
    }
    bool full() const { return nodes.size() == k_nodes || pool.Size() > k_bytes; }
};

/// Checked @graph nodes as records, in the order of the file, handed from the thread that checks them
/// to the one that adds them to the graph.
struct RecordBatch {
    static constexpr std::size_t k_records = 512;
    /// A batch is handed over sooner when its records hold this many mentions (memory stays flat).
    static constexpr std::size_t k_mentions = 8192;
    std::vector<Record> records;
    std::size_t mentions = 0;
    bool last = false;          ///< the checking thread is done
    std::exception_ptr error;   ///< ... because of this, after the records

    void clear() {
        records.clear();
        mentions = 0;
        last = false;
        error = nullptr;
    }
    bool full() const { return records.size() == k_records || mentions >= k_mentions; }
};

/// The reading and checking threads stop when the building one gave up.
struct Cancelled {};

/// A bounded queue of batches between two threads; batches go round, so memory stays flat.
template <class Batch>
class Pipeline {
public:
    Pipeline() {
        for (auto& batch : batches_) free_.push_back(&batch);
    }
    /// An empty batch for the reader; throws Cancelled once cancel() was called.
    Batch* acquire() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || !free_.empty(); });
        if (cancelled_) throw Cancelled{};
        Batch* batch = free_.back();
        free_.pop_back();
        batch->clear();
        return batch;
    }
    void publish(Batch* batch) {
        {
            std::lock_guard lock(mutex_);
            full_.push_back(batch);
        }
        changed_.notify_all();
    }
    /// The next batch for the consumer, in order; throws Cancelled once cancel() was called and none
    /// is left.
    Batch* next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || !full_.empty(); });
        if (full_.empty()) throw Cancelled{};
        Batch* batch = full_.front();
        full_.pop_front();
        return batch;
    }
    /// Publishes the full `batch` and puts an empty one in its place (null while waiting for it, so a
    /// stage cancelled meanwhile holds none).
    void hand_over(Batch*& batch) {
        publish(std::exchange(batch, nullptr));
        batch = acquire();
    }
    void release(Batch* batch) {
        {
            std::lock_guard lock(mutex_);
            free_.push_back(batch);
        }
        changed_.notify_all();
    }
    void cancel() {
        {
            std::lock_guard lock(mutex_);
            cancelled_ = true;
        }
        changed_.notify_all();
    }

private:
    std::array<Batch, 4> batches_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Batch*> free_;
    std::deque<Batch*> full_;
    bool cancelled_ = false;
};

/// One reading of one document: the passes over it, and the checks shared by every node.
///
/// The main pass runs as three stages on three threads, each in file order: one parses the @graph
/// nodes into JSON trees (RapidJSON), one checks each tree and turns it into a Record, and the calling
/// thread adds the records to the graph, with the checks that need the graph (mostly allocating and
/// filling the graph's memory). The stages cost about a quarter, two fifths and a third of the work,
/// so two cores stay busy. Errors are raised in file order whichever thread finds them. The rarer
/// passes (statements whose entities came later; naming a bad direct triple) run on the calling thread
/// alone.
class Loader {
public:
    explicit Loader(Input& input)
        : input_(input),
          source_(input.source()),
          pool_buffer_(k_block),
          pool_(pool_buffer_.data(), pool_buffer_.size()),
          node_(&pool_) {}

    graph::KnowledgeGraph load() {
        run_pass(Pass::first);
        if (!context_read_) fail("/@context", "missing; not an irkg JSON-LD graph (irkg embeds its context inline)");
        if (!graph_seen_) fail("/@graph", "missing; an irkg JSON-LD graph lists its nodes in \"@graph\"");
        if (graph_before_context_) {
            input_.rewind();
            run_pass(Pass::all_nodes);
        }
        entities_complete_ = true;
        if (!deferred_.empty()) {
            input_.rewind();
            run_pass(Pass::deferred);
        }
        check_pending_targets();
        return std::move(graph_);
    }

private:
    enum class Pass {
        first,      ///< the whole document; @graph nodes only when @context came before them
        all_nodes,  ///< every @graph node (when @context came after @graph)
        deferred,   ///< the statements whose entities came later
        diagnose,   ///< the direct triples again, to name the first that points nowhere
    };

    struct Member {
        std::string_view name;
        const Value* value;
    };
    struct MemberCache {
        const Value* node = nullptr;
        std::vector<Member> members;
        std::size_t hint = 0;  ///< where the next find() starts: just after the last member found
    };

    /// One pass over the document; the main ones on two threads (see the class comment).
    void run_pass(Pass pass) {
        if (pass != Pass::first && pass != Pass::all_nodes) {
            checked_pass(pass);
            return;
        }
        Pipeline<NodeBatch> nodes;
        Pipeline<RecordBatch> records;
        std::thread reading([&] { run_stage(nodes, node_batch_, node_pipeline_, [&] { checked_pass(pass); }); });
        std::thread checking([&] {
            run_stage(records, batch_, pipeline_, [&] {
                for (bool last = false; !last;) {
                    NodeBatch* batch = nodes.next();
                    for (std::size_t i = 0; i < batch->nodes.size(); ++i) {
                        const std::size_t index = batch->indices[i];
                        path_of_node_ = "/@graph/";
                        fmt::format_to(std::back_inserter(path_of_node_), "{}", index);
                        read_node(batch->nodes[i], path_of_node_, index, pass);
                    }
                    const std::exception_ptr error = batch->error;
                    last = batch->last;
                    nodes.release(batch);
                    if (error) std::rethrow_exception(error);
                }
            });
        });
        // However building ends, the other threads are told to stop and are waited for.
        struct Join {
            Pipeline<NodeBatch>& nodes;
            Pipeline<RecordBatch>& records;
            std::thread& reading;
            std::thread& checking;
            ~Join() {
                nodes.cancel();
                records.cancel();
                reading.join();
                checking.join();
            }
        } join{nodes, records, reading, checking};
        for (bool last = false; !last;) {
            RecordBatch* batch = records.next();
            for (auto& record : batch->records) apply(record);
            if (batch->error) std::rethrow_exception(batch->error);
            last = batch->last;
            records.release(batch);
        }
    }

    /// Runs `body`, one stage of a pass on its own thread, whose batches go to `out`: `slot` is the
    /// batch being filled and `attached` where the stage's code finds `out` (null again when the stage
    /// ends, as later passes run on one thread). The last batch says how the stage ended: done, or an
    /// error after the batch's contents. A cancelled stage just stops.
    template <class Batch, class Body>
    static void run_stage(Pipeline<Batch>& out, Batch*& slot, Pipeline<Batch>*& attached, Body&& body) {
        try {
            slot = out.acquire();
            attached = &out;
            body();
            slot->last = true;
        } catch (const Cancelled&) {
            attached = nullptr;
            return;
        } catch (...) {
            attached = nullptr;
            if (!slot) return;  // cancelled before it began
            slot->last = true;
            slot->error = std::current_exception();
        }
        attached = nullptr;
        out.publish(std::exchange(slot, nullptr));
    }

    /// pass() with the limits' stops turned into errors that say where.
    void checked_pass(Pass pass) {
        try {
            this->pass(pass);
        } catch (const Stop& stop) {
            throw input_error(fmt::format("{}: {}: {} (byte offset {}, in {})", source_,
                                          input_.line_column(stop.offset), stop.what, stop.offset, where()));
        }
    }

    /// The record to fill for node `index`.
    Record& start_record(Record::Kind kind, std::size_t index) {
        single_.kind = kind;
        single_.index = index;
        return single_;
    }

    /// The record is complete: add it to the graph, or hand it to the thread that does.
    void finish_record(Record& record) {
        if (!pipeline_) {
            apply(record);
            return;
        }
        batch_->mentions += record.mentions.size();
        batch_->records.push_back(std::move(record));
        if (batch_->full()) pipeline_->hand_over(batch_);
    }

    [[noreturn]] void fail(std::string_view path, std::string_view what) const {
        throw input_error(fmt::format("{}: at {}: {}", source_, path.empty() ? "/" : path, what));
    }

    [[noreturn]] void parse_error(rapidjson::ParseErrorCode code, std::size_t offset) const {
        throw input_error(fmt::format("{}: {}: not JSON: {} (byte offset {}, in {})", source_,
                                      input_.line_column(offset), rapidjson::GetParseError_En(code), offset,
                                      where()));
    }

    /// The JSON pointer of where the parser stands.
    std::string where() const {
        const std::string out = path_.pointer(base_, [](const std::string& p, auto token) { return child(p, token); });
        return out.empty() ? "/" : out;
    }

    // Reading values from the input.

    void skip_whitespace() {
        input_.skip_whitespace();
        input_.mark_token();
    }

    /// Parses one value into node_ (`outer_depth`: the containers around it).
    void parse_node(int outer_depth) {
        node_.SetNull();
        pool_.Clear();
        parse_into(node_, outer_depth);
    }

    /// Parses one value into `document`.
    void parse_into(rapidjson::Document& document, int outer_depth) {
        path_.reset();
        input_.mark_node(input_.Tell());
        auto generate = [&](rapidjson::Document& target) {
            Tracked<rapidjson::Document> handler(target, input_, path_, outer_depth);
            reader_.Parse<k_parse_flags>(input_, handler);
            if (reader_.HasParseError()) parse_error(reader_.GetParseErrorCode(), reader_.GetErrorOffset());
            return true;
        };
        document.Populate(generate);
        input_.mark_node(Input::k_none);
        path_.reset();
    }

    /// Parses one value without keeping it; returns what kind of value it was.
    std::string_view skip_value(int outer_depth) {
        KindTarget kind;
        path_.reset();
        input_.mark_node(input_.Tell());
        Tracked<KindTarget> handler(kind, input_, path_, outer_depth);
        reader_.Parse<k_parse_flags>(input_, handler);
        if (reader_.HasParseError()) parse_error(reader_.GetParseErrorCode(), reader_.GetErrorOffset());
        input_.mark_node(Input::k_none);
        path_.reset();
        return kind.kind;
    }

    /// The document: {"@context": {...}, "@graph": [node, ...]}, read by hand at the top so that each
    /// node can be parsed (and dropped) on its own.
    void pass(Pass pass) {
        base_.clear();
        skip_whitespace();
        if (input_.Peek() != '{') {
            if (input_.Peek() == '\0') parse_error(rapidjson::kParseErrorDocumentEmpty, input_.Tell());
            const auto kind = skip_value(0);
            skip_whitespace();
            if (input_.Peek() != '\0') parse_error(rapidjson::kParseErrorDocumentRootNotSingular, input_.Tell());
            fail("", fmt::format("expected an object (an irkg JSON-LD graph), found {}", kind));
        }
        input_.Take();
        skip_whitespace();
        if (input_.Peek() == '}') {
            input_.Take();
        } else {
            for (;;) {
                skip_whitespace();
                base_.clear();
                if (input_.Peek() != '"') parse_error(rapidjson::kParseErrorObjectMissName, input_.Tell());
                parse_node(1);
                const std::string key(view(node_));
                skip_whitespace();
                if (input_.Peek() != ':') parse_error(rapidjson::kParseErrorObjectMissColon, input_.Tell());
                input_.Take();
                skip_whitespace();
                base_ = child("", key);
                if (key == "@context") {
                    if (pass != Pass::first) {
                        skip_value(1);
                    } else {
                        if (context_read_) fail("/@context", "appears twice; irkg writes one");
                        parse_node(1);
                        read_context(node_);
                        context_read_ = true;
                    }
                } else if (key == "@graph") {
                    if (pass == Pass::first) {
                        if (graph_seen_) fail("/@graph", "appears twice; irkg writes one");
                        graph_seen_ = true;
                        graph_before_context_ = !context_read_;
                    }
                    read_graph(pass);
                } else {
                    fail(base_, "unknown top-level key; irkg writes only \"@context\" and \"@graph\"");
                }
                base_.clear();
                skip_whitespace();
                const char c = input_.Peek();
                if (c == '}') {
                    input_.Take();
                    break;
                }
                if (c != ',') parse_error(rapidjson::kParseErrorObjectMissCommaOrCurlyBracket, input_.Tell());
                input_.Take();
            }
        }
        skip_whitespace();
        if (input_.Peek() != '\0') parse_error(rapidjson::kParseErrorDocumentRootNotSingular, input_.Tell());
    }

    void read_graph(Pass pass) {
        if (input_.Peek() != '[') {
            const auto kind = skip_value(1);
            fail("/@graph", fmt::format("expected an array, found {}", kind));
        }
        input_.Take();
        skip_whitespace();
        if (input_.Peek() == ']') {
            input_.Take();
            return;
        }
        std::size_t next_deferred = 0;
        for (std::size_t index = 0;; ++index) {
            skip_whitespace();
            base_ = "/@graph/";
            fmt::format_to(std::back_inserter(base_), "{}", index);
            bool wanted = false;
            switch (pass) {
                case Pass::first:
                    wanted = context_read_;
                    break;
                case Pass::all_nodes:
                case Pass::diagnose:
                    wanted = true;
                    break;
                case Pass::deferred:
                    wanted = next_deferred < deferred_.size() && deferred_[next_deferred] == index;
                    if (wanted) ++next_deferred;
                    break;
            }
            // RapidJSON would call a missing value at the end an empty document; it is a cut one.
            if (input_.Peek() == '\0') parse_error(rapidjson::kParseErrorValueInvalid, input_.Tell());
            if (wanted && node_pipeline_) {
                // Parsed here, checked on the checking thread, added on the building one.
                parse_into(node_batch_->document, 2);
                node_batch_->nodes.emplace_back();
                node_batch_->nodes.back().Swap(node_batch_->document);
                node_batch_->indices.push_back(index);
                if (node_batch_->full()) node_pipeline_->hand_over(node_batch_);
            } else if (wanted) {
                parse_node(2);
                read_node(node_, base_, index, pass);
            } else {
                skip_value(2);
            }
            base_ = "/@graph";
            skip_whitespace();
            const char c = input_.Peek();
            if (c == ']') {
                input_.Take();
                return;
            }
            if (c != ',') parse_error(rapidjson::kParseErrorArrayMissCommaOrSquareBracket, input_.Tell());
            input_.Take();
        }
    }

    void read_node(const Value& node, const std::string& path, std::size_t index, Pass pass) {
        for (auto& cache : member_cache_) cache.node = nullptr;  // a new tree may reuse the addresses
        if (!node.IsObject()) fail(path, fmt::format("expected a node object, found {}", graph::json_kind(node)));
        const bool statement = required_string(node, "type", path) == jsonld::k_statement_type;
        switch (pass) {
            case Pass::first:
            case Pass::all_nodes:
            case Pass::deferred:
                if (statement) {
                    read_statement(node, path, index);
                } else {
                    read_entity(node, path, index);
                    check_direct_triples(node, path, false);
                }
                break;
            case Pass::diagnose:
                if (!statement) check_direct_triples(node, path, true);
                break;
        }
    }

    // Field access: each names the path and what was expected when the value is missing or wrong.

    /// The members of object `node` as (name, value) pairs, listed once per object: a statement is
    /// asked for twenty keys, and comparing plain string views is much cheaper than RapidJSON's
    /// FindMember. Two objects are cached (a statement and its current evidence entry).
    MemberCache& cache_of(const Value& node) const {
        for (auto& cache : member_cache_)
            if (cache.node == &node) return cache;
        auto& cache = member_cache_[next_cache_];
        next_cache_ ^= 1;
        cache.node = &node;
        cache.hint = 0;
        cache.members.clear();
        for (const auto& m : node.GetObject()) cache.members.push_back({view(m.name), &m.value});
        return cache;
    }
    const std::vector<Member>& members_of(const Value& node) const { return cache_of(node).members; }

    /// The member `key` of `node`. The readers ask for keys in the order irkg writes them, so the
    /// search starts after the member found last and wraps round: one comparison per key on irkg's
    /// files, any order still found.
    const Value* find(const Value& node, std::string_view key) const {
        MemberCache& cache = cache_of(node);
        const std::size_t n = cache.members.size();
        for (std::size_t k = 0, at = cache.hint; k < n; ++k, ++at) {
            if (at == n) at = 0;
            if (cache.members[at].name == key) {
                cache.hint = at + 1;
                return cache.members[at].value;
            }
        }
        return nullptr;
    }

    const Value& required(const Value& node, std::string_view key, std::string_view path) const {
        const Value* value = find(node, key);
        if (!value) fail(child(path, key), "missing; irkg always writes it");
        return *value;
    }

    std::string_view required_string(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsString()) fail(child(path, key), fmt::format("expected a string, found {}", graph::json_kind(value)));
        return view(value);
    }

    std::string_view optional_string(const Value& node, std::string_view key, std::string_view path) const {
        if (!find(node, key)) return {};
        return required_string(node, key, path);
    }

    std::string_view optional_date(const Value& node, std::string_view key, std::string_view path) const {
        const auto text = optional_string(node, key, path);
        if (!find(node, key)) return text;
        if (!is_iso_date(text)) fail(child(path, key), fmt::format("\"{}\" is not an ISO date (YYYY-MM-DD)", text));
        return text;
    }

    double required_number(const Value& node, std::string_view key, std::string_view path, double low,
                           double high) const {
        const Value& value = required(node, key, path);
        if (!value.IsNumber()) fail(child(path, key), fmt::format("expected a number, found {}", graph::json_kind(value)));
        const double number = value.GetDouble();
        if (!(number >= low && number <= high))
            fail(child(path, key), fmt::format("{} is out of range [{}, {}]", number, low, high));
        return number;
    }

    std::uint64_t required_uint64(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsUint64())
            fail(child(path, key), fmt::format("expected a non-negative integer, found {}", graph::json_kind(value)));
        return value.GetUint64();
    }

    bool required_bool(const Value& node, std::string_view key, std::string_view path) const {
        const Value& value = required(node, key, path);
        if (!value.IsBool()) fail(child(path, key), fmt::format("expected true or false, found {}", graph::json_kind(value)));
        return value.GetBool();
    }

    /// Calls fn(index, text) for each string of array `key`; nothing when it is absent.
    template <class F>
    void for_each_string(const Value& node, std::string_view key, std::string_view path, F&& fn) const {
        const Value* value = find(node, key);
        if (!value) return;
        if (!value->IsArray()) fail(child(path, key), fmt::format("expected an array, found {}", graph::json_kind(*value)));
        for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
            const auto& item = (*value)[i];
            if (!item.IsString())
                fail(child(child(path, key), i), fmt::format("expected a string, found {}", graph::json_kind(item)));
            fn(std::size_t{i}, view(item));
        }
    }

    /// Every member of `node` is one of `allowed` (listed in the order irkg writes them, which the
    /// search follows as find() does), or a relation term when `allow_relation_terms`.
    template <class Keys>
    void check_keys(const Value& node, const Keys& allowed, std::string_view path, bool allow_relation_terms) const {
        std::size_t hint = 0;
        for (const auto& m : members_of(node)) {
            const auto name = m.name;
            bool found = false;
            for (std::size_t k = 0, at = hint; k < allowed.size() && !found; ++k, ++at) {
                if (at == allowed.size()) at = 0;
                if (allowed[at] == name) {
                    found = true;
                    hint = at + 1;
                }
            }
            if (found) continue;
            if (allow_relation_terms && relation_terms_.count(name)) continue;
            fail(child(path, name), fmt::format("unknown property; irkg writes only {}{}", list_of(allowed),
                                                allow_relation_terms ? " and relation terms of the @context" : ""));
        }
    }

    /// On the reading thread, before any node goes to the building one (which is idle till then).
    void read_context(const Value& context) {
        for (auto& cache : member_cache_) cache.node = nullptr;
        if (!context.IsObject())
            fail("/@context",
                 fmt::format("expected the inline context object irkg writes, found {}", graph::json_kind(context)));
        const Value* vocabulary = find(context, "irkg");
        if (!vocabulary || !vocabulary->IsString() || view(*vocabulary) != jsonld::k_vocabulary_iri)
            fail("/@context/irkg",
                 fmt::format("must be \"{}\": this is not a graph written by irkg", jsonld::k_vocabulary_iri));
        // Terms whose IRI is a relation are the direct-triple properties entity nodes may carry.
        for (const auto& m : context.GetObject()) {
            if (!m.value.IsObject()) continue;
            const Value* iri = find(m.value, "@id");
            if (iri && iri->IsString() && jsonld::predicate_from_iri(view(*iri)))
                relation_terms_.insert(std::string(view(m.name)));
        }
    }

    void read_entity(const Value& node, const std::string& path, std::size_t index) {
        check_keys(node, jsonld::k_entity_keys, path, true);
        Record& record = start_record(Record::Kind::entity, index);
        graph::Entity& entity = record.entity;
        entity.id = required_string(node, "irkgId", path);
        if (entity.id.empty()) fail(child(path, "irkgId"), "an entity id must not be empty");
        const auto type_name = required_string(node, "entityType", path);
        const auto type = graph::entity_type_from(type_name);
        if (!type)
            fail(child(path, "entityType"),
                 fmt::format("\"{}\" is not an entity type (country, person, organization, location, other)",
                             type_name));
        entity.type = *type;
        const auto type_term = required_string(node, "type", path);
        if (type_term != jsonld::type_term(entity.type))
            fail(child(path, "type"), fmt::format("\"{}\" does not match entityType {}: expected \"{}\"", type_term,
                                                  type_name, jsonld::type_term(entity.type)));
        const auto iri = required_string(node, "id", path);
        if (iri != jsonld::entity_iri(entity.id))
            fail(child(path, "id"), fmt::format("\"{}\" is not the IRI of irkgId \"{}\": expected \"{}\"", iri,
                                                entity.id, jsonld::entity_iri(entity.id)));
        entity.label = required_string(node, "label", path);
        entity.country = optional_string(node, "country", path);
        entity.aliases.clear();
        for_each_string(node, "aliases", path, [&](std::size_t, std::string_view alias) {
            entity.aliases.emplace_back(alias);
        });
        declared_iris_.insert(hash_of(iri));
        finish_record(record);
    }

    /// The vertex of the entity IRI `iri` (at `key` of node `index`); nullopt while entities may still
    /// come (the statement waits for a later pass); an error when no entity has that IRI.
    std::optional<graph::Vertex> entity_at(std::string_view iri, std::string_view key, std::size_t index) {
        // Statements come sorted by subject and name hubs over and over: a small cache of IRI -> vertex
        // saves decoding the IRI and probing the graph's index.
        auto& cached = vertex_cache_[hash_of(iri) % vertex_cache_.size()];
        if (cached.vertex && cached.iri == iri) return cached.vertex;
        if (decode_entity_iri(iri, id_)) {
            if (const auto v = graph_.find(id_)) {
                cached.iri.assign(iri);
                cached.vertex = v;
                return v;
            }
            if (!entities_complete_) return std::nullopt;
        }
        fail(child(node_path(index), key), fmt::format("\"{}\" is not an entity declared in @graph", iri));
    }

    static std::string node_path(std::size_t index) { return child("/@graph", index); }

    /// Adds a record to the graph, with the checks that need the graph. On the building thread.
    void apply(Record& record) {
        if (record.kind == Record::Kind::entity) {
            if (graph_.find(record.entity.id))
                fail(child(node_path(record.index), "irkgId"),
                     fmt::format("entity \"{}\" is declared twice", record.entity.id));
            graph_.add_entity(std::move(record.entity));
            return;
        }
        const auto subject = entity_at(record.subject, "subject", record.index);
        const auto object = entity_at(record.object, "object", record.index);
        if (!subject || !object) {
            deferred_.push_back(record.index);
            return;
        }
        const std::size_t entries = record.mentions.size();
        const std::size_t relations_before = graph_.num_relations();
        // The graph keeps the first definition of a predicate it is given (KnowledgeGraph::intern).
        const graph::Edge edge = graph_.add_mentions(*subject, record.relation, *object, std::move(record.mentions));
        // The graph keys relations as the writer does (a symmetric one by its smaller id first), so a
        // relation that was already there is a second statement for it.
        if (graph_.num_relations() == relations_before)
            fail(node_path(record.index),
                 "a second statement for the same subject, predicate and object; irkg writes one per relation");
        if (graph_.edge(edge).mentions.size() != entries)
            fail(child(node_path(record.index), "evidence"),
                 "two entries have the same date, document, sentence and span");
    }

    /// Every object of a direct triple must be an entity of the @graph. They are derived from the
    /// statements and not kept, so the check is by the hash of the IRI against those of the entities
    /// read (exact only in the diagnose pass, which names the culprit); an object not read yet is
    /// remembered by its hash and checked at the end (check_pending_targets).
    void check_direct_triples(const Value& node, const std::string& path, bool exact) {
        for (const auto& m : node.GetObject()) {
            const auto name = view(m.name);
            if (!relation_terms_.count(name)) continue;
            for_each_string(node, name, path, [&](std::size_t i, std::string_view object) {
                if (!exact) {
                    const auto hash = hash_of(object);
                    if (!declared_iris_.contains(hash)) pending_targets_.push_back(hash);
                    return;
                }
                if (decode_entity_iri(object, id_) && graph_.find(id_)) return;
                fail(child(child(path, name), i), fmt::format("\"{}\" is not an entity declared in @graph", object));
            });
        }
    }

    /// The direct triples that named entities not read when they were met. A hash that no entity's
    /// IRI has proves a bad object, and a pass over the file then names it. A bad object whose 64-bit
    /// hash an entity's IRI shares would go unnoticed: odds about 1e-7 for millions of triples, and
    /// harmless, since the reader rebuilds direct triples from the statements.
    void check_pending_targets() {
        const bool all_declared = std::all_of(pending_targets_.begin(), pending_targets_.end(),
                                              [&](std::uint64_t hash) { return declared_iris_.contains(hash); });
        pending_targets_ = {};
        declared_iris_ = {};
        if (all_declared) return;
        input_.rewind();
        pass(Pass::diagnose);  // throws at the first direct triple that names no entity
    }

    graph::Mention read_mention(const Value& entry, const std::string& path) const {
        if (!entry.IsObject()) fail(path, fmt::format("expected an evidence object, found {}", graph::json_kind(entry)));
        check_keys(entry, jsonld::k_evidence_keys, path, false);
        graph::Mention mention;
        auto& evidence = mention.evidence;
        evidence.doc = required_string(entry, "doc", path);
        const auto sentence = required_uint64(entry, "sentence", path);
        if (sentence > std::numeric_limits<std::uint32_t>::max())
            fail(child(path, "sentence"), fmt::format("sentence index {} is too large", sentence));
        evidence.sentence = static_cast<std::uint32_t>(sentence);
        evidence.text = required_string(entry, "text", path);
        evidence.begin = required_uint64(entry, "begin", path);
        evidence.end = required_uint64(entry, "end", path);
        if (evidence.end < evidence.begin)
            fail(child(path, "end"), fmt::format("span end {} is before its begin {}", evidence.end, evidence.begin));
        const auto modality = required_string(entry, "modality", path);
        const auto parsed = graph::modality_from(modality);
        if (!parsed)
            fail(child(path, "modality"),
                 fmt::format("\"{}\" is not a modality (asserted, planned, speculative, negated)", modality));
        mention.modality = *parsed;
        mention.time.text = optional_string(entry, "timeText", path);
        mention.time.start = optional_date(entry, "startDate", path);
        mention.time.end = optional_date(entry, "endDate", path);
        mention.confidence = required_number(entry, "confidence", path, 0.0, 1.0);
        return mention;
    }

    /// The predicate of relation IRI `iri` into `predicate`; false when it is not one.
    static bool read_predicate(std::string_view iri, std::string& predicate) {
        // The common case, without an allocation: "rel:" and unreserved bytes only.
        if (iri.starts_with("rel:") && iri.size() > 4 && std::all_of(iri.begin() + 4, iri.end(), is_unreserved)) {
            predicate.assign(iri.substr(4));
            return true;
        }
        auto decoded = jsonld::predicate_from_iri(iri);
        if (!decoded || decoded->empty()) return false;
        predicate = std::move(*decoded);
        return true;
    }

    void read_statement(const Value& node, const std::string& path, std::size_t index) {
        check_keys(node, jsonld::k_statement_keys, path, false);
        required_string(node, "id", path);
        Record& record = start_record(Record::Kind::statement, index);
        record.subject = required_string(node, "subject", path);
        record.object = required_string(node, "object", path);
        auto& relation = record.relation;
        const auto iri = required_string(node, "predicate", path);
        if (!read_predicate(iri, relation.predicate))
            fail(child(path, "predicate"), fmt::format("\"{}\" is not a relation IRI (rel:<predicate>)", iri));
        relation.category = required_string(node, "category", path);
        relation.cameo = required_string(node, "cameo", path);
        relation.goldstein = required_number(node, "goldstein", path, -10.0, 10.0);
        relation.symmetric = required_bool(node, "symmetric", path);
        relation.mode = optional_string(node, "mode", path);
        relation.label = optional_string(node, "relationLabel", path);
        relation.description = optional_string(node, "relationDescription", path);
        // Derived fields are recomputed from the evidence; they only have to be well-formed.
        if (find(node, "confidence")) required_number(node, "confidence", path, 0.0, 1.0);
        optional_date(node, "date", path);
        optional_date(node, "firstDate", path);
        optional_date(node, "lastDate", path);
        for_each_string(node, "modalities", path, [&](std::size_t, std::string_view modality) {
            if (!graph::modality_from(modality))
                fail(child(path, "modalities"), fmt::format("\"{}\" is not a modality", modality));
        });

        const Value& evidence = required(node, "evidence", path);
        evidence_path_.assign(path).append("/evidence");
        if (!evidence.IsArray()) fail(evidence_path_, fmt::format("expected an array, found {}", graph::json_kind(evidence)));
        if (evidence.Empty()) fail(evidence_path_, "a statement needs at least one evidence entry");
        if (find(node, "weight") && required_uint64(node, "weight", path) != evidence.Size())
            fail(child(path, "weight"), fmt::format("disagrees with the {} evidence entries", evidence.Size()));
        record.mentions.clear();
        record.mentions.reserve(evidence.Size());
        for (rapidjson::SizeType i = 0; i < evidence.Size(); ++i) {
            entry_path_.assign(evidence_path_).push_back('/');
            fmt::format_to(std::back_inserter(entry_path_), "{}", i);
            record.mentions.push_back(read_mention(evidence[i], entry_path_));
        }
        finish_record(record);
    }

    Input& input_;
    std::string source_;
    rapidjson::Reader reader_;
    std::vector<char> pool_buffer_;  // the node's tree lives here while it fits (no allocation per node)
    rapidjson::MemoryPoolAllocator<> pool_;
    rapidjson::Document node_;
    PathTracker path_;
    std::string base_;  // the JSON pointer of the value being parsed

    bool context_read_ = false;
    bool graph_seen_ = false;
    bool graph_before_context_ = false;
    bool entities_complete_ = false;  // every entity node has been read
    std::vector<std::size_t> deferred_;             // statements naming entities not read yet, by @graph index
    HashSet declared_iris_;                         // hashes of the entity IRIs read
    std::vector<std::uint64_t> pending_targets_;    // hashes of direct-triple objects not read then
    std::set<std::string, std::less<>> relation_terms_;

    // Reading thread: where parsed nodes go (null: a pass on one thread).
    Pipeline<NodeBatch>* node_pipeline_ = nullptr;
    NodeBatch* node_batch_ = nullptr;

    // Checking thread (or the one thread of a pass): the record being filled, and where records go.
    Pipeline<RecordBatch>* pipeline_ = nullptr;  // null: a pass on one thread
    RecordBatch* batch_ = nullptr;
    Record single_;
    std::string path_of_node_, evidence_path_, entry_path_;

    // Building thread (or the one thread of a pass).
    graph::KnowledgeGraph graph_;
    std::string id_;
    struct CachedVertex {
        std::string iri;
        std::optional<graph::Vertex> vertex;
    };
    std::vector<CachedVertex> vertex_cache_ = std::vector<CachedVertex>(4096);

    mutable std::array<MemberCache, 2> member_cache_;
    mutable std::size_t next_cache_ = 0;
};

}  // namespace

graph::KnowledgeGraph read_jsonld_text(std::string_view text, std::string_view source) {
    Input input(text, source);
    return Loader(input).load();
}

graph::KnowledgeGraph read_jsonld(const std::filesystem::path& path) {
    Input input(path);
    return Loader(input).load();
}

}  // namespace irkg::exporter
