; The Windows installer of GovInfoReview: a per-user install (no administrator rights) of the
; one-folder app that scripts/build_windows.py builds. Made on Linux by Debian's makensis 3.08:
;   makensis -DNAME=GovInfoReview -DVERSION=0.2.0 -DSRC=<the app folder> -DOUT=<setup.exe> installer.nsi
; (scripts/build_windows.py --installer runs it; scripts/check_windows.py --installer checks it
; under Wine: silent install, the app runs from the install folder, silent uninstall that keeps
; %APPDATA%\GovInfoReview).
;
; It installs into %LOCALAPPDATA%\Programs\GovInfoReview, adds a Start-menu entry and an entry in
; "Apps & features" (HKCU), and nothing else. No file association: the window does not yet open a
; workspace named on its command line, which is how Explorer hands over a file.
; The uninstaller removes the files it installed, the shortcut and its registry key. It never
; touches the user's data: %APPDATA%\GovInfoReview (the automatic workspace), saved
; *.review.sqlite files, or the settings in HKCU\Software\GovInfoReview.

; A 64-bit installer, as the app is 64-bit: it also runs under Debian's 64-bit-only Wine, which
; cannot start NSIS's default 32-bit one (no wine32)
Target amd64-unicode
; zlib: packing 357 MB takes about 40 s of CPU and gives about the zip's size; /SOLID lzma would
; be smaller but took over 3 minutes here
SetCompressor zlib
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${NAME}"

Name "${NAME} ${VERSION}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

!define MUI_FINISHPAGE_RUN "$INSTDIR\${NAME}.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "${NAME}"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; an older version's library folder goes first, so no stale file of it stays beside the new ones
  RMDir /r "$INSTDIR\_internal"
  File /r "${SRC}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${NAME}.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${NAME} ${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${NAME}.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; only what the installer put there: a folder chosen by the user may hold other files
  Delete "$INSTDIR\${NAME}.exe"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
