; Windows installer of Advisor Desk (Inno Setup 6): per-machine install in Program Files, Start-menu
; entry, uninstaller, in French or English.
;
;   iscc packaging\windows\advisor_desk.iss                  (after the PyInstaller build)
;   iscc /DAppVersion=0.1.1 packaging\windows\advisor_desk.iss
;
; Packs dist\advisor-desk\ as built by packaging\pyinstaller\advisor_desk.spec and writes
; dist\installer\advisor-desk-<version>-setup.exe. Silent install for IT departments:
;   advisor-desk-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=french
; Names here must stay in step with the spec (folder and executable) and pyproject.toml (version):
; tests/packaging checks them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Advisor Desk"
#define AppPublisher "Advisor Desk"
#define AppExeName "advisor-desk.exe"
#define AppCliExeName "advisor-desk-cli.exe"
#define AppUserModelID "fr.advisordesk.AdvisorDesk"
#define BundleDir "..\..\dist\advisor-desk"

[Setup]
; The AppId identifies the product for upgrades and uninstallation: never change it.
AppId={{5B0E6F1C-8E7A-4C1B-9D53-2F6A1C0D7E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=advisor-desk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\advisor-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Running desks are closed (and reopened) so their files can be replaced.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder whole: no file of the previous version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
