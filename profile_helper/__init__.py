"""Profile Helper: a local-first desktop app for LinkedIn job hunting and networking."""

__version__ = "0.1.0"
APP_NAME = "Profile Helper"
APP_ID = "io.github.profilehelper.ProfileHelper"
