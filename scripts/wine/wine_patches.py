"""Stand-ins for what Wine 8.0 lacks or does wrong, applied only under Wine.

Used twice, never on a real Windows PC:
- by the Windows Python that builds the app under Wine (sitecustomize.py in the build cache);
- by the built app as a PyInstaller runtime hook (build.spec adds it to builds made under Wine
  only): apply() returns at once unless ntdll exports wine_get_version, which no Windows has.

1. numpy calls ucrtbase's crealf and cimagf when its core module loads; Wine 8.0 has stubs
   that abort the process. The stubs' code is replaced by the functions themselves (two or three
   instructions each), with creal, cimag, creall and cimagl likewise.
2. platform.machine() / win32_ver() (pypdfium2 and PyInstaller ask) query WMI through _wmi;
   Wine 8.0's propsys aborts in VariantToString. platform falls back to the registry and the
   environment when WMI raises OSError, so WMI is made to raise.
3. ProcessPoolExecutor (the app's worker processes) wakes its manager thread with an empty
   pipe message, whose read never completes under Wine 8.0: it sends one byte instead.
"""
from __future__ import annotations

import sys


def under_wine() -> bool:
    """True only in a Windows process run by Wine."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        return False


# Machine code for the Microsoft x64 calling convention: a float complex (8 bytes) comes in RCX,
# a double complex (16 bytes; long double is double) by address in RCX; the result goes in XMM0.
_ACCESSORS = {
    b"crealf": bytes.fromhex("660f6ec1" "c3"),            # movd xmm0, ecx; ret
    b"cimagf": bytes.fromhex("48c1e920" "660f6ec1" "c3"),  # shr rcx, 32; movd xmm0, ecx; ret
    b"creal": bytes.fromhex("f20f1001" "c3"),              # movsd xmm0, [rcx]; ret
    b"cimag": bytes.fromhex("f20f104108" "c3"),            # movsd xmm0, [rcx+8]; ret
}
_ACCESSORS[b"creall"], _ACCESSORS[b"cimagl"] = _ACCESSORS[b"creal"], _ACCESSORS[b"cimag"]


def _patch_complex_accessors() -> None:
    """Write the complex accessors into ucrtbase (Wine 8.0 has stubs that abort for most)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetProcAddress.restype = ctypes.c_void_p
    kernel32.GetProcAddress.argtypes = [wintypes.HMODULE, ctypes.c_char_p]
    kernel32.VirtualProtect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, wintypes.DWORD,
                                        ctypes.POINTER(wintypes.DWORD)]
    kernel32.FlushInstructionCache.argtypes = [wintypes.HANDLE, ctypes.c_void_p, ctypes.c_size_t]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    ucrt = ctypes.WinDLL("ucrtbase")
    for name, code in _ACCESSORS.items():
        addr = kernel32.GetProcAddress(wintypes.HMODULE(ucrt._handle), name)
        old = wintypes.DWORD()
        if not addr or not kernel32.VirtualProtect(addr, len(code), 0x40, ctypes.byref(old)):
            continue  # 0x40: PAGE_EXECUTE_READWRITE
        ctypes.memmove(addr, code, len(code))
        kernel32.VirtualProtect(addr, len(code), old.value, ctypes.byref(old))
        kernel32.FlushInstructionCache(kernel32.GetCurrentProcess(), addr, len(code))


def _patch_process_pool() -> None:
    """ProcessPoolExecutor wakes its manager thread by sending an empty message down a pipe;
    Wine 8.0 never completes the read of an empty message on a message-mode pipe, so the pool
    hangs after its first batch. Send one byte instead (the reader drops whatever it reads)."""
    from concurrent.futures import process

    wakeup_class = getattr(process, "_ThreadWakeup", None)
    if wakeup_class is None:
        return

    def wakeup(self: object) -> None:
        if not getattr(self, "_closed", False):
            self._writer.send_bytes(b"\0")  # type: ignore[attr-defined]

    wakeup_class.wakeup = wakeup


def _no_wmi(*_args: object, **_kw: object) -> object:
    raise OSError("WMI is not used under Wine")


def apply() -> bool:
    """Apply the stand-ins when running under Wine; says whether it did."""
    if not under_wine():
        return False
    _patch_complex_accessors()
    _patch_process_pool()
    import platform

    if hasattr(platform, "_wmi_query"):
        platform._wmi_query = _no_wmi  # type: ignore[attr-defined]
    return True
