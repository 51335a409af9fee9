# PyInstaller runtime hook of a Windows build made under Wine (see build.spec): runs before the
# app and does nothing unless the process runs under Wine.
import wine_patches

wine_patches.apply()
