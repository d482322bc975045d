#include "czxing.h"
#include <ZXing/ZXVersion.h>

#define TS_STRINGIFY2(x) #x
#define TS_STRINGIFY(x) TS_STRINGIFY2(x)

const char *ts_zxing_version(void) {
    return TS_STRINGIFY(ZXING_VERSION_MAJOR) "." TS_STRINGIFY(ZXING_VERSION_MINOR) "." TS_STRINGIFY(ZXING_VERSION_PATCH);
}
