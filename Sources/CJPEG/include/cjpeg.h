// A narrow C face for libjpeg. libjpeg reports errors through error_exit, which must not
// return; these functions longjmp back into themselves and return 0 with a message instead.
#ifndef TRACESTATION_CJPEG_H
#define TRACESTATION_CJPEG_H
#include <stddef.h>
#include <stdint.h>

/// Reads the size of a JPEG in memory. Returns 1 on success, else 0 and a message.
int ts_jpeg_read_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                      char *error, size_t error_size);

/// Decodes a JPEG to 8-bit gray into `pixels` (width * height bytes, the size that
/// ts_jpeg_read_size returned). Returns 1 on success, else 0 and a message.
int ts_jpeg_read_gray8(const uint8_t *data, size_t size, uint8_t *pixels,
                       uint32_t width, uint32_t height, char *error, size_t error_size);

#endif
