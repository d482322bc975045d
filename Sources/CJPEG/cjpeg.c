#include "cjpeg.h"
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char *error;
    size_t error_size;
    int truncated;
} error_manager;

static void on_error(j_common_ptr info) {
    error_manager *manager = (error_manager *)info->err;
    char message[JMSG_LENGTH_MAX];
    info->err->format_message(info, message);
    snprintf(manager->error, manager->error_size, "%s", message);
    longjmp(manager->jump, 1);
}

// libjpeg recovers from most corrupt data with a warning, which is fine for a camera frame.
// A file that ends early is different: the missing rows come back gray and could hide a
// symbol, so that warning is remembered and turned into an error.
static void on_message(j_common_ptr info, int level) {
    error_manager *manager = (error_manager *)info->err;
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) manager->truncated = 1;
}

static int decode(const uint8_t *data, size_t size, uint8_t *pixels, uint32_t *width,
                  uint32_t *height, char *error, size_t error_size) {
    struct jpeg_decompress_struct info;
    error_manager manager;
    info.err = jpeg_std_error(&manager.base);
    manager.base.error_exit = on_error;
    manager.base.emit_message = on_message;
    manager.error = error;
    manager.error_size = error_size;
    manager.truncated = 0;
    if (setjmp(manager.jump)) {
        jpeg_destroy_decompress(&info);
        return 0;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (!pixels) {
        *width = info.image_width;
        *height = info.image_height;
        jpeg_destroy_decompress(&info);
        return 1;
    }
    if (info.image_width != *width || info.image_height != *height) {
        snprintf(error, error_size, "JPEG size changed between reads");
        jpeg_destroy_decompress(&info);
        return 0;
    }
    info.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&info);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + (size_t)info.output_scanline * info.output_width;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (manager.truncated) {
        snprintf(error, error_size, "the data ends before the image does (truncated file)");
        return 0;
    }
    return 1;
}

int ts_jpeg_read_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height,
                      char *error, size_t error_size) {
    return decode(data, size, NULL, width, height, error, error_size);
}

int ts_jpeg_read_gray8(const uint8_t *data, size_t size, uint8_t *pixels,
                       uint32_t width, uint32_t height, char *error, size_t error_size) {
    return decode(data, size, pixels, &width, &height, error, error_size);
}
