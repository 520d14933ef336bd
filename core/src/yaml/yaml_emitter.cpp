#include "yaml/yaml_emitter.h"

#include "covet/error.h"
#include "schema/field_args.h"

namespace covet::yaml {

namespace {

int write_to_string(void* data, unsigned char* buffer, size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
}

yaml_char_t* chars(const std::string& text) {
    return reinterpret_cast<yaml_char_t*>(const_cast<char*>(text.c_str()));
}

// Whether a plain scalar with this text reads back as the same string in
// covet's loader (YAML core schema plus the YAML 1.1 booleans yes/no/on/off).
bool reads_back_as_text(const std::string& text) {
    if (text.empty()) return false;
    FieldArg arg = field_arg_from_scalar_text(text, false);
    return arg.is_bare_word && !arg.yaml11_boolean && arg.value.kind() == Value::Kind::Text;
}

}  // namespace

Emitter::Emitter() {
    if (!yaml_emitter_initialize(&emitter_)) throw Error("cannot start the YAML emitter");
    yaml_emitter_set_output(&emitter_, write_to_string, &output_);
    yaml_emitter_set_unicode(&emitter_, 1);
    yaml_emitter_set_width(&emitter_, -1);  // one line per value, never folded
    yaml_emitter_set_indent(&emitter_, 2);
}

Emitter::~Emitter() {
    yaml_emitter_delete(&emitter_);
}

void Emitter::emit(yaml_event_t& event) {
    if (!yaml_emitter_emit(&emitter_, &event)) {
        std::string problem = emitter_.problem ? emitter_.problem : "unknown problem";
        throw Error("cannot write YAML: " + problem);
    }
}

void Emitter::comment(const std::string& text) {
    comments_ += "# " + text + "\n";
}

void Emitter::begin_map(bool flow) {
    if (!started_) {
        started_ = true;
        yaml_event_t event;
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
        emit(event);
        yaml_document_start_event_initialize(&event, nullptr, nullptr, nullptr, 1);
        emit(event);
    }
    yaml_event_t event;
    yaml_mapping_start_event_initialize(&event, nullptr, nullptr, 1,
                                        flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    emit(event);
}

void Emitter::end_map() {
    yaml_event_t event;
    yaml_mapping_end_event_initialize(&event);
    emit(event);
}

void Emitter::begin_sequence(bool flow) {
    yaml_event_t event;
    yaml_sequence_start_event_initialize(
        &event, nullptr, nullptr, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    emit(event);
}

void Emitter::end_sequence() {
    yaml_event_t event;
    yaml_sequence_end_event_initialize(&event);
    emit(event);
}

void Emitter::scalar(const std::string& value, yaml_scalar_style_t style, bool plain_implicit) {
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, nullptr, nullptr, chars(value),
                                 static_cast<int>(value.size()), plain_implicit ? 1 : 0, 1, style);
    emit(event);
}

void Emitter::text(const std::string& value) {
    if (reads_back_as_text(value))
        scalar(value, YAML_ANY_SCALAR_STYLE, true);
    else
        scalar(value, YAML_SINGLE_QUOTED_SCALAR_STYLE, false);
}

void Emitter::literal(const std::string& value) {
    scalar(value, YAML_PLAIN_SCALAR_STYLE, true);
}

void Emitter::flow_list(const std::vector<std::string>& items) {
    begin_sequence(true);
    for (const std::string& item : items)
        text(item);
    end_sequence();
}

std::string Emitter::finish() {
    yaml_event_t event;
    yaml_document_end_event_initialize(&event, 1);
    emit(event);
    yaml_stream_end_event_initialize(&event);
    emit(event);
    if (!yaml_emitter_flush(&emitter_)) throw Error("cannot write YAML");
    return comments_ + output_;
}

}  // namespace covet::yaml
