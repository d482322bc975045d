// A narrow C face for zxing-cpp (Debian's libzxing-dev), the station's second decoder.
#ifndef TRACESTATION_CZXING_H
#define TRACESTATION_CZXING_H

#ifdef __cplusplus
extern "C" {
#endif

/// The zxing-cpp version this was built against, e.g. "1.4.0".
const char *ts_zxing_version(void);

#ifdef __cplusplus
}
#endif

#endif
