/*
 * A stand-in for Windows' bcryptprimitives.dll, for running caseload under Wine 8 only.
 *
 * Rust's standard library (1.78 and later) gets random bytes on Windows from
 * bcryptprimitives.dll!ProcessPrng, which every Windows 10 and 11 has. Wine 8 (Debian 12's)
 * does not ship that DLL, so a Windows Rust program fails to start under it. This file
 * exports ProcessPrng over advapi32!SystemFunction036 (RtlGenRandom), which Wine has and
 * which is the system's own random generator. It is never shipped: the release archives
 * contain caseload.exe alone, and real Windows uses its own DLL.
 *
 * Built by scripts/check-windows:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c \
 *       bcryptprimitives.def -ladvapi32
 */
#include <windows.h>

/* advapi32!SystemFunction036: BOOLEAN RtlGenRandom(PVOID buffer, ULONG length). */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* The documented signature: BOOL ProcessPrng(PBYTE pbData, SIZE_T cbData); always TRUE
 * on Windows (it cannot fail there), so a failure here is reported as FALSE and the caller
 * (std) aborts rather than use unfilled bytes. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return TRUE;
}
