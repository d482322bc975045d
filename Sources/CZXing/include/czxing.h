// A narrow C face for zxing-cpp (Debian's libzxing-dev), the station's second decoder.
// Swift sees only these plain C types; every C++ exception stays inside czxing.cpp.
#ifndef TRACESTATION_CZXING_H
#define TRACESTATION_CZXING_H

#ifdef __cplusplus
extern "C" {
#endif

/// The zxing-cpp version this was built against, e.g. "1.4.0".
const char *ts_zxing_version(void);

/// What to look for and how hard. `formats` is a set of zxing-cpp BarcodeFormat bits.
typedef struct ts_zxing_options {
    unsigned int formats;
    int try_harder;
    int try_rotate;
    int try_downscale;
    /// 0 local average (hybrid), 1 global histogram, 2 fixed threshold at 127.
    int binarizer;
    /// 0 ignore EAN-2/5 add-ons, 1 read them when present.
    int ean_add_on;
} ts_zxing_options;

/// One symbol read by zxing-cpp, copied out of its memory.
typedef struct ts_zxing_symbol {
    /// The zxing-cpp BarcodeFormat bit.
    unsigned int format;
    /// The data exactly as encoded (no character set conversion), FNC1 separators as GS.
    unsigned char *bytes;
    int byte_count;
    /// The data as UTF-8 text following its ECI; only meaningful when `has_eci` is set.
    char *eci_text;
    int eci_text_length;
    int has_eci;
    /// zxing-cpp's ContentType: 0 text, 1 binary, 2 mixed, 3 GS1, 4 ISO 15434, 5 unknown ECI.
    int content_type;
    /// "]Q1", "]E0"… and a NUL.
    char symbology_identifier[8];
    /// "L", "M", "Q" or "H" for QR, else empty.
    char ec_level[4];
    /// Corners clockwise from the symbol's own top left: x0 y0 x1 y1 x2 y2 x3 y3.
    int corners[8];
    /// Scan lines that agreed on a linear symbol.
    int line_count;
} ts_zxing_symbol;

/// Reads every symbol in an 8-bit gray image. Returns the number of symbols (0 or more) and
/// sets `*symbols` (free it with ts_zxing_free); -1 when zxing-cpp ran out of memory, -2 when it
/// failed one of its own internal checks on this image.
int ts_zxing_read(const unsigned char *pixels, int width, int height, const ts_zxing_options *options,
                  ts_zxing_symbol **symbols);

void ts_zxing_free(ts_zxing_symbol *symbols, int count);

#ifdef __cplusplus
}
#endif

#endif
