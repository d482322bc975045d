// A narrow C face for libpng. libpng reports errors by longjmp, which Swift cannot catch;
// these functions catch it themselves and return 0 with a message instead.
#ifndef TRACESTATION_CPNG_H
#define TRACESTATION_CPNG_H
#include <stddef.h>
#include <stdint.h>

/// Memory that libpng's output went to; free it with ts_png_buffer_free.
typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
} ts_png_buffer;

void ts_png_buffer_free(ts_png_buffer *buffer);

/// Writes a grayscale PNG of bit depth 1 or 8 from packed rows.
/// With invert_mono, a set bit of a 1-bit row is written as black (PNG's 1 is white).
/// Returns 1 on success; on failure 0 and a message in `error` (at most error_size bytes).
int ts_png_write_gray(const uint8_t *rows, uint32_t width, uint32_t height, int bit_depth,
                      size_t bytes_per_row, int invert_mono, int compression_level,
                      ts_png_buffer *out, char *error, size_t error_size);

/// Reads the header of a PNG in memory. Returns 1 on success, else 0 and a message.
int ts_png_read_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                     char *error, size_t error_size);

/// Decodes any PNG (any bit depth, colour type, alpha, palette, interlace) to 8-bit gray,
/// compositing transparency onto white. `pixels` must hold width * height bytes, where
/// width and height are what ts_png_read_size returned. Returns 1 on success, else 0.
int ts_png_read_gray8(const uint8_t *data, size_t size, uint8_t *pixels,
                      uint32_t width, uint32_t height, char *error, size_t error_size);

#endif
