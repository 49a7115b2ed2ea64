#pragma once
#include <filesystem>
#include <iosfwd>

#include "writer.hpp"

namespace irkg::exporter {

/// CSV as a pair of files, for pandas (read_csv, networkx.from_pandas_edgelist) and Gephi's
/// spreadsheet import (shared FORMATS.md):
/// - the stream write() gets (the file named by -o, e.g. graph.csv) receives the EDGES table;
/// - the NODES table goes to "<stem>.nodes.csv" beside it (graph.csv -> graph.nodes.csv), written by
///   the writer itself through its own AtomicFile, so it appears complete or not at all. The writer
///   learns the target path from WriterOptions::output, which exporter::write_graph sets.
///   The nodes file is committed before write() returns, i.e. before the caller commits the edges
///   file: if the edges file then fails, a fresh nodes file may stand beside an older edges file.
///
/// Because a CSV export is two files it cannot go to standard output: an output of "-" is an
/// irkg::usage_error, thrown when the writer is constructed (before any file is touched).
///
/// RFC 4180 with LF line ends (not CRLF; pandas, Gephi and neo4j-admin all accept LF): a header row,
/// comma separators, a field quoted when it holds a comma, a double quote, CR or LF, and a double quote
/// inside a quoted field doubled. Text is made valid UTF-8 (ill-formed bytes become U+FFFD) and NUL
/// bytes are dropped; every other character, including line breaks inside quoted fields, is kept.
///
/// Dialect "default" (WriterOptions::csv_dialect):
/// - nodes: Id,Label,Type,Country,Aliases (aliases joined with '|');
/// - edges: Source,Target,Type,Kind,Id,Label,Weight,Category,Cameo,Goldstein,FirstDate,LastDate,
///   MeanConfidence,Modalities. Type is Directed, or Undirected for a symmetric relation; Kind and
///   Label are the predicate; Id is KnowledgeGraph::edge_id; Weight is the number of mentions (an
///   integer); modalities joined with '|'. MeanConfidence is empty for an edge without mentions.
///
/// Dialect "neo4j", headers for `neo4j-admin database import` (arrays ';'-separated, the tool's
/// default --array-delimiter; text holding ';' in an array element is split there; multi-line text
/// needs --multiline-fields=true):
/// - nodes: id:ID,label,type:LABEL,country,aliases:string[]
/// - relationships: :START_ID,:END_ID,:TYPE,id,category,cameo,goldstein:double,weight:int,
///   first_date:date,last_date:date,mean_confidence:double,modalities:string[],symmetric:boolean
///
/// Nodes in sorted_vertices() order, edges in sorted_edges() order, numbers in their shortest
/// round-trip form (decimals always with a '.' or an exponent, "1.0" not "1", so pandas infers float
/// for Goldstein and MeanConfidence): the same graph always gives the same bytes.
class CsvWriter final : public Writer {
public:
    /// Throws irkg::usage_error when options.output is "-" (CSV needs a file path) or
    /// options.csv_dialect is neither "default" nor "neo4j".
    explicit CsvWriter(const WriterOptions& options = {});

    /// Writes the edges table to `out` and the nodes table to nodes_path(options.output).
    /// Throws irkg::usage_error when the writer was built without an output path, irkg::input_error
    /// for a non-finite number or when the nodes file cannot be written.
    void write(const graph::KnowledgeGraph& graph, std::ostream& out) const override;

    /// The nodes table alone (header and one row per entity).
    void write_nodes(const graph::KnowledgeGraph& graph, std::ostream& out) const;
    /// The edges table alone (header and one row per merged relation).
    void write_edges(const graph::KnowledgeGraph& graph, std::ostream& out) const;

    /// Where the nodes table of the edges file `edges_path` goes: "<stem>.nodes.csv" in its directory.
    static std::filesystem::path nodes_path(const std::filesystem::path& edges_path);

private:
    std::filesystem::path output_;
    bool neo4j_ = false;
};

}  // namespace irkg::exporter
