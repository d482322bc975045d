// text() returns UTF-8 std::string only with this defined (zxing-cpp 1.4).
#define ZX_USE_UTF8 1
#include "czxing.h"
#include <ZXing/ReadBarcode.h>
#include <ZXing/ZXVersion.h>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#define TS_STRINGIFY2(x) #x
#define TS_STRINGIFY(x) TS_STRINGIFY2(x)

const char *ts_zxing_version(void) {
    return TS_STRINGIFY(ZXING_VERSION_MAJOR) "." TS_STRINGIFY(ZXING_VERSION_MINOR) "." TS_STRINGIFY(ZXING_VERSION_PATCH);
}

namespace {

// Debian builds zxing-cpp 1.4 with assertions on, and some images fail one of them inside
// the library (upstream issues #516 and #740, fixed in later releases); glibc would abort the
// whole station. While this thread is inside ts_zxing_read, a failed assertion jumps back out
// and the image counts as unread by zxing-cpp. The jump skips the library's destructors, so
// that call leaks its buffers: rare, and far better than losing the line.
thread_local bool insideZXing = false;
thread_local sigjmp_buf assertionExit;


ZXing::DecodeHints hints(const ts_zxing_options &options) {
    ZXing::DecodeHints hints;
    hints.setFormats(static_cast<ZXing::BarcodeFormat>(options.formats));
    hints.setTryHarder(options.try_harder != 0);
    hints.setTryRotate(options.try_rotate != 0);
    hints.setTryDownscale(options.try_downscale != 0);
    switch (options.binarizer) {
    case 1: hints.setBinarizer(ZXing::Binarizer::GlobalHistogram); break;
    case 2: hints.setBinarizer(ZXing::Binarizer::FixedThreshold); break;
    default: hints.setBinarizer(ZXing::Binarizer::LocalAverage); break;
    }
    hints.setEanAddOnSymbol(options.ean_add_on ? ZXing::EanAddOnSymbol::Read : ZXing::EanAddOnSymbol::Ignore);
    return hints;
}

// Copies `size` bytes into malloc'd memory, so Swift frees everything through ts_zxing_free.
template <typename T> T *copied(const void *data, size_t size) {
    auto *out = static_cast<T *>(std::malloc(size == 0 ? 1 : size));
    if (out && size) std::memcpy(out, data, size);
    return out;
}

void fill(ts_zxing_symbol &out, const ZXing::Result &result) {
    out.format = static_cast<unsigned int>(result.format());
    const auto &bytes = result.bytes();
    out.bytes = copied<unsigned char>(bytes.data(), bytes.size());
    out.byte_count = static_cast<int>(bytes.size());
    out.has_eci = result.hasECI() ? 1 : 0;
    if (out.has_eci) {
        std::string text = result.text();
        out.eci_text = copied<char>(text.data(), text.size());
        out.eci_text_length = static_cast<int>(text.size());
    }
    out.content_type = static_cast<int>(result.contentType());
    std::strncpy(out.symbology_identifier, result.symbologyIdentifier().c_str(), sizeof out.symbology_identifier - 1);
    std::strncpy(out.ec_level, result.ecLevel().c_str(), sizeof out.ec_level - 1);
    const auto &position = result.position();
    for (int i = 0; i < 4; ++i) {
        out.corners[2 * i] = position[i].x;
        out.corners[2 * i + 1] = position[i].y;
    }
    out.line_count = result.lineCount();
}

} // namespace

int ts_zxing_read(const unsigned char *pixels, int width, int height, const ts_zxing_options *options,
                  ts_zxing_symbol **symbols) {
    *symbols = nullptr;
    if (sigsetjmp(assertionExit, 0) != 0) {
        insideZXing = false;
        return -2;
    }
    insideZXing = true;
    struct Leave {
        ~Leave() { insideZXing = false; }
    } leave;
    try {
        ZXing::ImageView image(pixels, width, height, ZXing::ImageFormat::Lum);
        auto results = ZXing::ReadBarcodes(image, hints(*options));
        int count = 0;
        for (const auto &result : results) count += result.isValid() ? 1 : 0;
        if (count == 0) return 0;
        auto *out = static_cast<ts_zxing_symbol *>(std::calloc(count, sizeof(ts_zxing_symbol)));
        if (!out) return -1;
        int index = 0;
        for (const auto &result : results) {
            if (result.isValid()) fill(out[index++], result);
        }
        *symbols = out;
        return count;
    } catch (...) {
        return -1;
    }
}

extern "C" void __assert_fail(const char *assertion, const char *file, unsigned int line, const char *function) noexcept {
    if (insideZXing) siglongjmp(assertionExit, 1);
    std::fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line, function, assertion);
    std::abort();
}

void ts_zxing_free(ts_zxing_symbol *symbols, int count) {
    if (!symbols) return;
    for (int i = 0; i < count; ++i) {
        std::free(symbols[i].bytes);
        std::free(symbols[i].eci_text);
    }
    std::free(symbols);
}
