/*
 * hold: keeps a file busy the way another Windows program would, for scripts/check-windows.
 *
 *   hold open PATH   opens PATH as a PDF viewer or Excel does (others may read it, nobody
 *                    may delete or replace it: no FILE_SHARE_DELETE, no FILE_SHARE_WRITE)
 *   hold lock PATH   takes the exclusive byte-range lock caseload takes on journal.lock
 *                    (LockFileEx over the whole file, as Rust's File::lock does)
 *
 * It prints "held" on stdout once the file is held, then keeps it until its standard input
 * closes, so a test decides exactly when the other program "closes the file".
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3 || (wcscmp(argv[1], L"open") != 0 && wcscmp(argv[1], L"lock") != 0)) {
        fputs("usage: hold open|lock PATH\n", stderr);
        return 2;
    }
    int lock = wcscmp(argv[1], L"lock") == 0;
    HANDLE file = CreateFileW(argv[2], lock ? GENERIC_READ | GENERIC_WRITE : GENERIC_READ,
                              lock ? FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
                                   : FILE_SHARE_READ,
                              NULL, lock ? OPEN_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL,
                              NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "hold: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    if (lock) {
        OVERLAPPED whole = {0};
        if (!LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK, 0, MAXDWORD, MAXDWORD, &whole)) {
            fprintf(stderr, "hold: cannot lock the file (error %lu)\n", GetLastError());
            return 1;
        }
    }
    fputs("held\n", stdout);
    fflush(stdout);
    char buffer[256];
    while (fread(buffer, 1, sizeof buffer, stdin) > 0) {
    }
    CloseHandle(file);
    return 0;
}
