// Fuzz target: the JSON parser behind scenarios, state files and --json output. Whatever it
// accepts must be written back as JSON it accepts again, unchanged: a state file the backend
// wrote must always load.
#include "fuzzcheck.h"

#include "platform/json.h"

#include <string>

namespace {

void touch(const portolan::json::Value& value)
{
    using portolan::json::Type;
    switch (value.type()) {
    case Type::Number:
        (void)value.asInt();
        (void)value.asUint();
        (void)value.asDouble();
        break;
    case Type::Array:
        for (const auto& item : value.asArray())
            touch(item);
        break;
    case Type::Object:
        for (const auto& [key, item] : value.asObject()) {
            FUZZ_CHECK(value.find(key) != nullptr);
            touch(item);
        }
        break;
    default:
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace portolan;
    auto parsed = json::parse(fuzz::asText(data, size));
    if (!parsed) {
        FUZZ_CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
        FUZZ_CHECK(parsed.error().message.rfind("line ", 0) == 0);
        return 0;
    }
    touch(parsed.value());
    for (int indent : {-1, 2}) {
        const std::string written = parsed->dump(indent);
        auto again = json::parse(written);
        FUZZ_CHECK(again.ok());
        FUZZ_CHECK(again->dump(indent) == written);
    }
    return 0;
}
