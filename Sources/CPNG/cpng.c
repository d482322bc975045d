#include "cpng.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    jmp_buf jump;
    char *error;
    size_t error_size;
} error_context;

static void on_error(png_structp png, png_const_charp message) {
    error_context *context = png_get_error_ptr(png);
    snprintf(context->error, context->error_size, "%s", message);
    longjmp(context->jump, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void on_write(png_structp png, png_bytep data, png_size_t length) {
    ts_png_buffer *out = png_get_io_ptr(png);
    if (out->size + length > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 4096;
        while (out->size + length > capacity) capacity *= 2;
        uint8_t *grown = realloc(out->data, capacity);
        if (!grown) png_error(png, "out of memory while writing PNG");
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, data, length);
    out->size += length;
}

static void on_flush(png_structp png) { (void)png; }

void ts_png_buffer_free(ts_png_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = buffer->capacity = 0;
}

int ts_png_write_gray(const uint8_t *rows, uint32_t width, uint32_t height, int bit_depth,
                      size_t bytes_per_row, int invert_mono, int compression_level,
                      ts_png_buffer *out, char *error, size_t error_size) {
    error_context context = {.error = error, .error_size = error_size};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, on_error, on_warning);
    if (!png) {
        snprintf(error, error_size, "cannot create PNG writer");
        return 0;
    }
    png_infop info = png_create_info_struct(png);
    // Volatile so the value survives the longjmp back here.
    volatile int ok = 0;
    if (setjmp(context.jump) == 0 && info) {
        png_set_write_fn(png, out, on_write, on_flush);
        png_set_compression_level(png, compression_level);
        png_set_IHDR(png, info, width, height, bit_depth, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        if (invert_mono) png_set_invert_mono(png);
        for (uint32_t y = 0; y < height; y++) png_write_row(png, rows + (size_t)y * bytes_per_row);
        png_write_end(png, info);
        ok = 1;
    } else if (!info) {
        snprintf(error, error_size, "cannot create PNG info");
    }
    png_destroy_write_struct(&png, info ? &info : NULL);
    if (!ok) ts_png_buffer_free(out);
    return ok;
}

// Starts libpng's simplified reader on a PNG in memory; it reads the header.
static int begin_read(png_image *image, const uint8_t *data, size_t size, char *error, size_t error_size) {
    memset(image, 0, sizeof *image);
    image->version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(image, data, size)) {
        snprintf(error, error_size, "%s", image->message);
        return 0;
    }
    return 1;
}

int ts_png_read_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                     char *error, size_t error_size) {
    png_image image;
    if (!begin_read(&image, data, size, error, error_size)) return 0;
    *width = image.width;
    *height = image.height;
    png_image_free(&image);
    return 1;
}

int ts_png_read_gray8(const uint8_t *data, size_t size, uint8_t *pixels,
                      uint32_t width, uint32_t height, char *error, size_t error_size) {
    png_image image;
    if (!begin_read(&image, data, size, error, error_size)) return 0;
    if (image.width != width || image.height != height) {
        png_image_free(&image);
        snprintf(error, error_size, "PNG size changed between reads");
        return 0;
    }
    image.format = PNG_FORMAT_GRAY;
    // Labels are ink on paper: a transparent area is paper, so composite onto white.
    png_color background = {255, 255, 255};
    if (!png_image_finish_read(&image, &background, pixels, (png_int_32)width, NULL)) {
        snprintf(error, error_size, "%s", image.message);
        png_image_free(&image);
        return 0;
    }
    return 1;
}
