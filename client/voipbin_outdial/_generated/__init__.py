"""A client library for accessing VoIPBIN outbound dialing API (outplans, outdials, outdialtargets)"""
