print("bientap-portal")
