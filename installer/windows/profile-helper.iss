; Inno Setup script for Profile Helper on Windows (Inno Setup 6.2 or newer).
;
; Build the one-folder program first (python installer\build.py runs this script itself when
; iscc.exe is on PATH), or by hand from the repository root:
;   iscc /DAppVersion=0.1.0 installer\windows\profile-helper.iss
; The installer lands in installer\dist\ProfileHelper-<version>-setup.exe.
;
; It installs for the current user (no administrator rights), adds a Start-menu entry and an
; uninstaller, and never touches the person's data folder (%APPDATA%\profile-helper).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z profile-helper.iss
#endif

#define AppName "Profile Helper"
; The windowed program for the Start menu; profile-helper.exe beside it is the command line.
#define AppExe "ProfileHelper.exe"
#define BundleDir "..\dist\profile-helper"

[Setup]
; The GUID never changes between versions: it is how an upgrade finds the old installation.
AppId={{5E0C7A8B-3D4F-4B8E-9C61-2F7A9D3E4B10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=ProfileHelper-{#AppVersion}-setup
SetupIconFile=..\build\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder, so no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Audit your LinkedIn profile, keep a private contacts CRM and write outreach messages"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
